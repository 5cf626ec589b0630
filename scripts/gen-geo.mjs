#!/usr/bin/env node
// Generates data/countries.tsv and data/timezones.tsv.
//
//   node scripts/gen-geo.mjs        (run from the repository root)
//
// Inputs:
//   /usr/share/zoneinfo/iso3166.tab  ISO 3166-1 alpha-2 codes (+ fallback names)
//   /usr/share/zoneinfo/zone.tab     zone -> country
//   /usr/share/zoneinfo/tzdata.zi    "L TARGET LINKNAME" backward-compatible links
//   data/country-aliases.tsv         hand-written alternative country names
//   Node's Intl.DisplayNames          CLDR English country names
//
// Plain ESM, Node 20, no dependencies. Output is deterministic: running the
// script twice with the same inputs produces byte-identical files.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ZONEINFO = '/usr/share/zoneinfo';
const ISO3166_TAB = `${ZONEINFO}/iso3166.tab`;
const ZONE_TAB = `${ZONEINFO}/zone.tab`;
const TZDATA_ZI = `${ZONEINFO}/tzdata.zi`;
const ALIASES_TSV = join(ROOT, 'data/country-aliases.tsv');
const COUNTRIES_TSV = join(ROOT, 'data/countries.tsv');
const TIMEZONES_TSV = join(ROOT, 'data/timezones.tsv');

// Codes not in iso3166.tab that we still list: [code, fallback name].
const EXTRA_COUNTRIES = [['XK', 'Kosovo']]; // user-assigned code used by CLDR

// Backward-compatible link names whose tzdata.zi target lies in a different
// country. Since tzdata 2022b the main data merges zones that agree since 1970,
// so e.g. Pacific/Truk (Chuuk, Micronesia) links to Pacific/Port_Moresby (Papua
// New Guinea). The country here is the one of the zone the `backward` file
// marks as the name's real equivalent ("#= ..."). Several of these
// (Africa/Asmera, America/Coral_Harbour, Pacific/Truk, Pacific/Ponape) are
// ICU's canonical IDs, i.e. what browsers actually report.
const LINK_COUNTRY_OVERRIDES = {
  'Africa/Asmera': 'ER', //          #= Africa/Asmara   (target Africa/Nairobi, KE)
  'Africa/Timbuktu': 'ML', //        #= Africa/Bamako   (target Africa/Abidjan, CI)
  'America/Coral_Harbour': 'CA', //  #= America/Atikokan (target America/Panama, PA)
  'America/Virgin': 'VI', //         #= America/St_Thomas (target America/Puerto_Rico, PR)
  'Antarctica/South_Pole': 'AQ', //  #= Antarctica/McMurdo (target Pacific/Auckland, NZ)
  'Atlantic/Jan_Mayen': 'SJ', //     #= Arctic/Longyearbyen (target Europe/Berlin, DE)
  'Pacific/Johnston': 'UM', //       Johnston Atoll    (target Pacific/Honolulu, US)
  'Pacific/Ponape': 'FM', //         #= Pacific/Pohnpei (target Pacific/Guadalcanal, SB)
  'Pacific/Truk': 'FM', //           #= Pacific/Chuuk   (target Pacific/Port_Moresby, PG)
  'Pacific/Yap': 'FM', //            #= Pacific/Chuuk   (target Pacific/Port_Moresby, PG)
};

// Mappings that detection depends on; checked after generation.
const REQUIRED_ZONES = {
  'America/Mexico_City': 'MX',
  'Asia/Tokyo': 'JP',
  'Asia/Calcutta': 'IN',
  'Asia/Kolkata': 'IN',
  'Asia/Saigon': 'VN',
  'Asia/Ho_Chi_Minh': 'VN',
  'Europe/Kiev': 'UA',
  'Europe/Kyiv': 'UA',
  'Asia/Bangkok': 'TH',
  'America/New_York': 'US',
  'Europe/London': 'GB',
  'Asia/Manila': 'PH',
  'Europe/Berlin': 'DE',
};

// Plain code-unit ordering (not locale-dependent), for reproducible output.
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function dataLines(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

function clean(s) {
  return s.replace(/[\t\r\n]+/g, ' ').trim();
}

let problems = 0;
function problem(msg) {
  problems++;
  console.error(`gen-geo: ${msg}`);
}

// ---------------------------------------------------------------- countries

const tzVersion =
  (readFileSync(TZDATA_ZI, 'utf8').match(/^# version (\S+)/m) || [])[1] || 'unknown';

const tabNames = new Map(); // code -> iso3166.tab name
for (const line of dataLines(ISO3166_TAB)) {
  const [code, name] = line.split('\t');
  if (!/^[A-Z]{2}$/.test(code) || !name) {
    problem(`bad iso3166.tab line: ${JSON.stringify(line)}`);
    continue;
  }
  tabNames.set(code, clean(name));
}
for (const [code, name] of EXTRA_COUNTRIES) {
  if (!tabNames.has(code)) tabNames.set(code, name);
}

const aliasesByCode = new Map();
for (const line of dataLines(ALIASES_TSV)) {
  const [code, list, ...rest] = line.split('\t');
  if (!/^[A-Z]{2}$/.test(code) || list === undefined || rest.length) {
    problem(`bad country-aliases.tsv line: ${JSON.stringify(line)}`);
    continue;
  }
  if (!tabNames.has(code)) problem(`country-aliases.tsv: unknown code ${code}`);
  const prev = aliasesByCode.get(code) || [];
  aliasesByCode.set(code, prev.concat(list.split('|').map(clean).filter(Boolean)));
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countries = []; // [code, name, aliases[]]
for (const code of [...tabNames.keys()].sort(byString)) {
  const tabName = tabNames.get(code);
  let name;
  try {
    name = displayNames.of(code);
  } catch {
    name = undefined;
  }
  if (!name || name === code || name === 'Unknown Region') name = tabName;
  name = clean(name);

  const seen = new Set([name.toLowerCase()]);
  const aliases = [];
  for (const a of [...(aliasesByCode.get(code) || []), tabName]) {
    const key = a.toLowerCase();
    if (a.includes('|') || seen.has(key)) continue;
    seen.add(key);
    aliases.push(a);
  }
  countries.push([code, name, aliases]);
}
const countryCodes = new Set(countries.map(([c]) => c));

const icu = process.versions;
const countriesOut =
  `# Generated by scripts/gen-geo.mjs; do not edit by hand. Columns: CODE<TAB>English name<TAB>aliases (|-separated). ` +
  `Sources: codes from ${ISO3166_TAB} (tzdata ${tzVersion}) plus ${EXTRA_COUNTRIES.map(([c]) => c).join(', ')}; ` +
  `names from Intl.DisplayNames en/region (CLDR ${icu.cldr || '?'}, ICU ${icu.icu || '?'}), falling back to iso3166.tab; ` +
  `aliases from data/country-aliases.tsv plus the iso3166.tab name where it differs.\n` +
  countries.map(([c, n, a]) => `${c}\t${n}\t${a.join('|')}\n`).join('');
writeFileSync(COUNTRIES_TSV, countriesOut);

// ---------------------------------------------------------------- time zones

const zones = new Map(); // zone -> code
for (const line of dataLines(ZONE_TAB)) {
  const [code, , tz] = line.split('\t');
  if (!/^[A-Z]{2}$/.test(code) || !tz) {
    problem(`bad zone.tab line: ${JSON.stringify(line)}`);
    continue;
  }
  if (zones.has(tz) && zones.get(tz) !== code) problem(`zone.tab lists ${tz} twice`);
  zones.set(tz, code);
}
const zoneTabCount = zones.size;

const links = []; // [target, linkName]
for (const line of readFileSync(TZDATA_ZI, 'utf8').split('\n')) {
  if (!line.startsWith('L ')) continue;
  const [, target, name] = line.trim().split(/\s+/);
  if (!target || !name) continue;
  if (!name.includes('/') || name.startsWith('Etc/') || name.startsWith('SystemV/')) continue;
  links.push([target, name]);
}
links.sort((x, y) => byString(x[1], y[1]) || byString(x[0], y[0]));

// zone.tab entries always win; links only fill names not yet present. Repeat
// until nothing changes so that link-to-link chains (if any) resolve too.
const usedOverrides = new Set();
for (let changed = true; changed; ) {
  changed = false;
  for (const [target, name] of links) {
    if (zones.has(name) || !zones.has(target)) continue;
    let code = zones.get(target);
    if (Object.hasOwn(LINK_COUNTRY_OVERRIDES, name)) {
      code = LINK_COUNTRY_OVERRIDES[name];
      usedOverrides.add(name);
    }
    zones.set(name, code);
    changed = true;
  }
}
for (const name of Object.keys(LINK_COUNTRY_OVERRIDES)) {
  if (!usedOverrides.has(name)) console.warn(`gen-geo: warning: override for ${name} unused`);
}

const zoneNames = [...zones.keys()].sort(byString);
for (const z of zoneNames) {
  if (!countryCodes.has(zones.get(z))) problem(`${z} maps to ${zones.get(z)}, not in countries.tsv`);
}
const timezonesOut =
  `# Generated by scripts/gen-geo.mjs; do not edit by hand. Columns: IANA zone<TAB>country code (most likely country of a visitor in that zone). ` +
  `Sources: every zone in ${ZONE_TAB} (tzdata ${tzVersion}), plus backward-compatible link names ("L TARGET LINK") ` +
  `from ${TZDATA_ZI} mapped to their target's country (zone.tab entries win; a few links whose target lies in ` +
  `another country use the country of their real equivalent zone; names without "/" and Etc/*, SystemV/* skipped).\n` +
  zoneNames.map((z) => `${z}\t${zones.get(z)}\n`).join('');
writeFileSync(TIMEZONES_TSV, timezonesOut);

// ---------------------------------------------------------------- checks

for (const [z, want] of Object.entries(REQUIRED_ZONES)) {
  const got = zones.get(z);
  if (got !== want) problem(`FAIL ${z}: expected ${want}, got ${got ?? '(missing)'}`);
}
// Every zone ID this runtime's ICU reports should be covered.
if (typeof Intl.supportedValuesOf === 'function') {
  const missing = Intl.supportedValuesOf('timeZone').filter((z) => !zones.has(z) && z.includes('/') && !z.startsWith('Etc/'));
  if (missing.length) console.warn(`gen-geo: warning: ICU zones not in timezones.tsv: ${missing.join(' ')}`);
}

console.log(
  `countries: ${countries.length}, zones: ${zoneNames.length} ` +
    `(${zoneTabCount} from zone.tab, ${zoneNames.length - zoneTabCount} links)`,
);
if (problems) {
  console.error(`gen-geo: ${problems} problem(s)`);
  process.exitCode = 1;
}
