// Types for the freedom-widget npm package. Option names mirror OPTION_SPECS in
// src/core/options.rs (checked by tests/options_documented.rs).

/** A country code: ISO 3166-1 alpha-2, e.g. "TH" (XK for Kosovo). */
export type CountryCode = string;
export type Section = "hotlines" | "explainer" | "quotes";
export type Layout = "full" | "compact" | "banner";
export type Theme = "light" | "dark" | "auto";
export type ChannelKind = "phone" | "sms" | "whatsapp" | "email" | "chat" | "web";

/** One way to reach a hotline; which fields apply depends on `kind` (see data/SOURCES.md). */
export interface Channel {
  kind: ChannelKind;
  /** The number as the source writes it. */
  display?: string;
  /** International format, e.g. "+18883737888". */
  e164?: string;
  /** Digits dialled inside the country (short codes). */
  dial?: string;
  /** SMS keyword. */
  body?: string;
  address?: string;
  url?: string;
  /** What a visitor may need to know; the widget translates each. */
  flags?: ChannelFlag[];
  /** Only what the flags cannot say, in English (shown marked as English). */
  note?: string;
}

/** The closed list of channel flags (data/SOURCES.md); any other value skips the row. */
export type ChannelFlag = "free" | "anonymous" | "confidential" | "short_code" | "from_abroad" | "in_country_only" | "24h" | "mobile" | "report_form" | "tips_only" | "interpreters" | "whatsapp" | "police";
/** The closed list of audience codes (data/SOURCES.md); any other value skips the row. */
export type AudienceCode = "children" | "women" | "migrant_workers" | "domestic_workers" | "foreign_nationals" | "nationals_abroad" | "refugees" | "violence_survivors" | "workers" | "professionals";

/** A partner's hotline row: validated like the built-in data; a bad row is skipped with a warning. */
export interface HotlineRow {
  /** Same id as a built-in row corrects it; a new id adds a line to its country. */
  id: string;
  country: CountryCode;
  organisation: string;
  name: string;
  scope: "trafficking" | "general";
  /** English description of who the line is for; shown only without codes or an area. */
  audience?: string;
  /** Who the line is for, translated by the widget. */
  audience_codes?: AudienceCode[];
  /** A place the line is limited to, a proper name (e.g. "Bavaria"). */
  audience_area?: string;
  /** Only what the codes cannot say, in English. */
  audience_note?: string;
  channels: Channel[];
  hours?: { always: true } | { tz: string; weekly: { days: string; open: string; close: string }[] };
  hours_text?: string;
  languages?: string[];
  languages_note?: string;
  /** The public page the row was read from (https:// or http://). */
  source_url: string;
  /** Date the row was compared with its source, YYYY-MM-DD (shown as "source checked"). */
  checked: string;
  /** A second, independent page giving the same number, and its year. */
  second_source?: { url: string; year?: number };
}

export interface QuoteRow {
  /** Optional: without one, the quote is named by its place in the list. */
  id?: string;
  /** Verbatim. */
  text: string;
  speaker: string;
  date?: string;
  context?: string;
}

export type WidgetEventName = "call" | "country-change" | "quick-exit" | "language-change";
export interface WidgetEventDetail {
  country?: CountryCode;
  hotline?: string;
  channel?: ChannelKind;
  chosenBy?: "option" | "language" | "time-zone" | "fallback" | "visitor" | "link";
  /** With "language-change": the language the widget now shows, e.g. "es". */
  lang?: string;
}

export interface Options {
  /** Country shown first; overrides detection. */
  country?: CountryCode;
  /** Country used when detection finds none. */
  fallbackCountry?: CountryCode;
  /** Language of the widget, e.g. "es". */
  lang?: string;
  /** Sections in the order to show them: an array or a comma list. */
  sections?: Section[] | string;
  layout?: Layout;
  theme?: Theme;
  /** Quick exit button and Shift×3 shortcut (default off in embeds). */
  quickExit?: boolean;
  /** Where quick exit goes (https://). */
  quickExitUrl?: string;
  /** Target of "Report an outdated number": https:// URL, or mailto: address with at most ?subject=. */
  reportUrl?: string;
  /** Same-origin URL of a JSON file of HotlineRow (an array, or { hotlines: [...] }). */
  hotlinesUrl?: string;
  /**
   * URL of a signed data release (`channel.json`) that may hold newer numbers than this copy of
   * the widget; `""` turns off the build's own channel. Fetched once after the widget shows, with
   * no credentials; a release not signed by the widget's key, not newer, or invalid is refused.
   */
  dataChannel?: string;
  /** Use the host page's font. */
  hostFonts?: boolean;
  /**
   * URL of the folder holding the files of `freedom-widget/dist/embed/`, for builds that copy no
   * assets (esbuild, Angular, Rollup without a plugin). Not needed with webpack, Next.js, Vite,
   * Parcel or SvelteKit. Same as `setAssetsUrl()`, for this mount.
   */
  assetsUrl?: string;
  /** Show only lines a second, independent page confirms (rows with `second_source`). */
  secondSourceOnly?: boolean;
  /** Rows that add to or correct the built-in data. */
  hotlines?: HotlineRow[];
  /** Quotes shown after the built-in ones. */
  quotes?: QuoteRow[];
  /** Called for each widget event; the same events bubble from the element as `freedom-widget:<name>`. */
  onEvent?: (name: WidgetEventName, detail: WidgetEventDetail) => void;
}

export interface Handle {
  /** Resolves when the widget is on screen (or its fallback is). */
  readonly ready: Promise<void>;
  /** Applies new options, merged over the current ones. */
  update(options: Options): void;
  /** Removes the widget and releases its timers and listeners. */
  destroy(): void;
}

/** Mounts the widget into `element`, in an open shadow root. Mounting again replaces it. */
export function mount(element: Element, options?: Options): Handle;
/**
 * Where the widget's files are (the folder holding the files of `freedom-widget/dist/embed/`),
 * for builds that copy no assets. Call it before the first widget starts.
 */
export function setAssetsUrl(url: string | URL): void;
/** Loads the wasm module (shared by every widget on the page); `assetsUrl` as in `Options`. */
export function load(assetsUrl?: string | URL): Promise<unknown>;
/** Defines the custom element (default name `freedom-widget`); safe to call twice. */
export function define(name?: string): void;
export class FreedomWidgetElement extends HTMLElement {}

/** Attributes of `<freedom-widget>` (and `data-` attributes of the script tag). */
export interface FreedomWidgetAttributes {
  country?: string;
  "fallback-country"?: string;
  lang?: string;
  sections?: string;
  layout?: Layout;
  theme?: Theme;
  "quick-exit"?: "true" | "false" | "";
  "quick-exit-url"?: string;
  "report-url"?: string;
  "hotlines-url"?: string;
  channel?: string;
  "host-fonts"?: "true" | "false" | "";
  "assets-url"?: string;
  "second-source-only"?: "true" | "false" | "";
}

declare global {
  interface HTMLElementTagNameMap {
    "freedom-widget": FreedomWidgetElement;
  }
  interface HTMLElementEventMap {
    "freedom-widget:call": CustomEvent<WidgetEventDetail>;
    "freedom-widget:country-change": CustomEvent<WidgetEventDetail>;
    "freedom-widget:quick-exit": CustomEvent<WidgetEventDetail>;
    "freedom-widget:language-change": CustomEvent<WidgetEventDetail>;
  }
}
