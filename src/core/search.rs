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
        for lower in ch.to_lowercase() {
            if lower.is_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                match base_letter(lower) {
                    Some(base) => out.push_str(base),
                    None => out.push(lower),
                }
            } else {
                pending_space = true;
            }
        }
    }
    out
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
