//! Finding a country by what a visitor types: any case, with or without accents, by the name
//! in their language, the English name, the ISO code or a common alias ("UK", "Ivory Coast").

/// Lower-cases, strips Latin diacritics and turns punctuation into single spaces, so that
/// "Côte d’Ivoire", "cote d'ivoire" and "COTE D IVOIRE" all become "cote d ivoire".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        // Combining marks (from decomposed input) carry accents only.
        if ('\u{300}'..='\u{36f}').contains(&ch) {
            continue;
        }
        if is_separator(ch) {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        let lower = lower_case(ch);
        match base_letter(lower) {
            Some(base) => out.push_str(base),
            None => out.push(lower),
        }
    }
    out
}

/// A letter's lower case in the scripts that have case and in which a country can be named
/// here: Latin (every letter of its blocks up to Extended-B, and Extended Additional), Greek and
/// Cyrillic. Other letters are returned as they are: no country's name or alias is written in
/// another cased script, so no query in one could match anyway.
///
/// Why not `char::to_lowercase`: its table of every cased letter in Unicode is 11.7 KB in the
/// wasm (5 KB of it after brotli), for search alone. The tests compare this with it, letter by
/// letter, over every range covered.
pub fn lower_case(c: char) -> char {
    let n = c as u32;
    let pair_even = |n: u32| if n.is_multiple_of(2) { n + 1 } else { n };
    let pair_odd = |n: u32| if n.is_multiple_of(2) { n } else { n + 1 };
    let lower = match n {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => n + 0x20,
        // Latin Extended-A: pairs, upper case first, with İ, Ÿ and two runs in odd-even order.
        0x130 => 'i' as u32,
        0x100..=0x137 | 0x14a..=0x177 => pair_even(n),
        0x139..=0x148 | 0x179..=0x17e => pair_odd(n),
        0x178 => 0xff,
        // Latin Extended-B's runs of pairs (Vietnamese's Ơ and Ư, pinyin's, Romanian's); the
        // rest of it is in `IRREGULAR_LOWER`.
        0x1a0 | 0x1a2 | 0x1a4 | 0x1af => n + 1,
        0x1cd..=0x1dc => pair_odd(n),
        0x1de..=0x1ef | 0x1f8..=0x21f | 0x222..=0x233 => pair_even(n),
        // Greek.
        0x386 => 0x3ac,
        0x388..=0x38a => n + 37,
        0x38c => 0x3cc,
        0x38e | 0x38f => n + 63,
        0x391..=0x3a1 | 0x3a3..=0x3ab => n + 0x20,
        0x3d8..=0x3ef => pair_even(n),
        // Cyrillic.
        0x400..=0x40f => n + 0x50,
        0x410..=0x42f => n + 0x20,
        0x460..=0x481 | 0x48a..=0x4bf | 0x4d0..=0x52f => pair_even(n),
        0x4c0 => 0x4cf,
        0x4c1..=0x4ce => pair_odd(n),
        // Latin Extended Additional (Vietnamese's tones among them), and the capital sharp s.
        0x1e00..=0x1e95 | 0x1ea0..=0x1eff => pair_even(n),
        0x1e9e => 0xdf,
        _ => IRREGULAR_LOWER.iter().find(|(upper, _)| u32::from(*upper) == n).map_or(n, |(_, lower)| u32::from(*lower)),
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The upper-case letters of Latin Extended-B and Greek whose lower case follows no pattern:
/// (upper, lower), from Rust's own table (the tests check them against it).
const IRREGULAR_LOWER: [(u16, u16); 69] = [
    (0x181, 0x253),
    (0x182, 0x183),
    (0x184, 0x185),
    (0x186, 0x254),
    (0x187, 0x188),
    (0x189, 0x256),
    (0x18a, 0x257),
    (0x18b, 0x18c),
    (0x18e, 0x1dd),
    (0x18f, 0x259),
    (0x190, 0x25b),
    (0x191, 0x192),
    (0x193, 0x260),
    (0x194, 0x263),
    (0x196, 0x269),
    (0x197, 0x268),
    (0x198, 0x199),
    (0x19c, 0x26f),
    (0x19d, 0x272),
    (0x19f, 0x275),
    (0x1a6, 0x280),
    (0x1a7, 0x1a8),
    (0x1a9, 0x283),
    (0x1ac, 0x1ad),
    (0x1ae, 0x288),
    (0x1b1, 0x28a),
    (0x1b2, 0x28b),
    (0x1b3, 0x1b4),
    (0x1b5, 0x1b6),
    (0x1b7, 0x292),
    (0x1b8, 0x1b9),
    (0x1bc, 0x1bd),
    (0x1c4, 0x1c6),
    (0x1c5, 0x1c6),
    (0x1c7, 0x1c9),
    (0x1c8, 0x1c9),
    (0x1ca, 0x1cc),
    (0x1cb, 0x1cc),
    (0x1f1, 0x1f3),
    (0x1f2, 0x1f3),
    (0x1f4, 0x1f5),
    (0x1f6, 0x195),
    (0x1f7, 0x1bf),
    (0x220, 0x19e),
    (0x23a, 0x2c65),
    (0x23b, 0x23c),
    (0x23d, 0x19a),
    (0x23e, 0x2c66),
    (0x241, 0x242),
    (0x243, 0x180),
    (0x244, 0x289),
    (0x245, 0x28c),
    (0x246, 0x247),
    (0x248, 0x249),
    (0x24a, 0x24b),
    (0x24c, 0x24d),
    (0x24e, 0x24f),
    (0x370, 0x371),
    (0x372, 0x373),
    (0x376, 0x377),
    (0x37f, 0x3f3),
    (0x3cf, 0x3d7),
    (0x3f4, 0x3b8),
    (0x3f7, 0x3f8),
    (0x3f9, 0x3f2),
    (0x3fa, 0x3fb),
    (0x3fd, 0x37b),
    (0x3fe, 0x37c),
    (0x3ff, 0x37d),
];

/// Whether a character only separates words: white space and punctuation, of ASCII and of the
/// scripts the widget speaks. Everything else, letters, digits and the marks that write a
/// vowel or a tone (Thai's, Devanagari's), is part of a word.
///
/// Why not `char::is_alphanumeric`: its Unicode tables (1.8 KB in the wasm) would be carried for
/// search alone, and it splits words at some vowel and tone marks, which a visitor types.
pub fn is_separator(c: char) -> bool {
    match c as u32 {
        0..=0x7f => !c.is_ascii_alphanumeric(),
        // Latin-1's controls, no-break space, punctuation and signs (not its ordinal letters, µ
        // and its figures); × and ÷.
        n @ 0x80..=0xbf => !matches!(n, 0xaa | 0xb2 | 0xb3 | 0xb5 | 0xb9 | 0xba | 0xbc..=0xbe),
        0xd7 | 0xf7 => true,
        // Greek's question mark and ano teleia; Armenian's, Arabic's, Devanagari's, Thai's and
        // Ethiopic's punctuation.
        0x37e | 0x387 | 0x55a..=0x55f | 0x589 | 0x60c | 0x61b | 0x61f | 0x66a..=0x66d | 0x6d4 => true,
        0x964 | 0x965 | 0xe4f | 0xe5a | 0xe5b | 0x1360..=0x1368 => true,
        // White space, general and supplemental punctuation; CJK punctuation (with katakana's middle
        // dot) and the fullwidth forms of ASCII's.
        0x1680 | 0x2000..=0x206f | 0x2e00..=0x2e7f | 0x3000..=0x3004 | 0x3008..=0x3020 | 0x3030 | 0x30fb => true,
        0xfe10..=0xfe19 | 0xfe30..=0xfe4f | 0xff01..=0xff0f | 0xff1a..=0xff20 | 0xff3b..=0xff40 | 0xff5b..=0xff65 => {
            true
        }
        // Currency signs, arrows, mathematical and technical signs, shapes, dingbats (not the
        // circled letters and figures); variation selectors; emoji and flags ("🇲🇽 Mexico").
        0x20a0..=0x20cf | 0x2190..=0x245f | 0x2500..=0x2bff | 0xfe00..=0xfe0f | 0x1f000.. => true,
        _ => false,
    }
}

/// Latin letters with diacritics → their base letters. Covers Latin-1 and Latin Extended-A,
/// which hold the accented letters of country names in the languages the widget speaks.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ'
        | 'ẳ' | 'ẵ' | 'ặ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => {
            "e"
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ỉ' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ' | 'ớ'
        | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' => {
            "u"
        }
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// One country's searchable forms, folded once when the directory is built, not per keystroke.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchEntry {
    pub code: &'static str,
    /// The name shown to the visitor (in their language), which also orders the list.
    pub display_name: String,
    code_folded: String,
    keys: Vec<String>,
}

impl SearchEntry {
    pub fn new(code: &'static str, display_name: String, other_names: &[&str]) -> Self {
        let mut keys = vec![fold(&display_name)];
        for n in other_names {
            let k = fold(n);
            if !k.is_empty() && !keys.contains(&k) {
                keys.push(k);
            }
        }
        SearchEntry { code, display_name, code_folded: code.to_ascii_lowercase(), keys }
    }

    /// How well a folded query matches: lower is better, `None` is no match.
    fn rank(&self, q: &str) -> Option<u8> {
        if self.code_folded == q || self.keys.iter().any(|k| k == q) {
            return Some(0);
        }
        if self.keys.iter().any(|k| k.starts_with(q)) {
            return Some(1);
        }
        if self.keys.iter().any(|k| k.split(' ').any(|w| w.starts_with(q))) {
            return Some(2);
        }
        if q.chars().count() >= 3 && self.keys.iter().any(|k| k.contains(q)) {
            return Some(3);
        }
        None
    }
}

/// Codes of the countries matching `query`, best first. An empty query lists every country,
/// the visitor's selected country first, the rest in the order of `entries`.
pub fn search<'a>(entries: &'a [SearchEntry], query: &str, selected: Option<&str>) -> Vec<&'a SearchEntry> {
    let q = fold(query);
    // Each hit's bucket: rank (0 to 3) first, then the selected country before the others.
    // Hits are found in the order of `entries`, so listing bucket by bucket is the order of
    // (rank, not selected, index) without a sort (a sort's code weighs about 3 KB in the wasm).
    let hits: Vec<(u8, &SearchEntry)> = entries
        .iter()
        .filter_map(|e| {
            let rank = if q.is_empty() { Some(0) } else { e.rank(&q) };
            rank.map(|r| (r * 2 + u8::from(Some(e.code) != selected), e))
        })
        .collect();
    (0..8).flat_map(|bucket| hits.iter().filter(move |(b, _)| *b == bucket).map(|(_, e)| *e)).collect()
}
