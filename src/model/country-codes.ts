/**
 * ISO 3166-1 alpha-2 codes: the 249 officially assigned codes, plus `XK`,
 * the user-assigned code for Kosovo that the World Bank and GeoNames both use.
 * Grouped by first letter, each group that letter followed by the second
 * letters of its codes ("ADE…" is AD, AE, …), in alphabetical order.
 *
 * Written as one line of text rather than a list of 250 strings because
 * every bundle that validates a city carries it: as text it costs about
 * 0.2 kB gzip, as a list 0.7 kB.
 *
 * Source: ISO 3166 Maintenance Agency, officially assigned code elements.
 * Codes are upper case; `UK` is not an ISO code (the United Kingdom is `GB`).
 */
const CODES_BY_FIRST_LETTER =
  "ADEFGILMOQRSTUWXZ BABDEFGHIJLMNOQRSTVWYZ CACDFGHIKLMNORUVWXYZ DEJKMOZ ECEGHRST FIJKMOR GABDEFGHILMNPQRSTUWY HKMNRTU IDELMNOQRST JEMOP KEGHIMNPRWYZ LABCIKRSTUVY MACDEFGHKLMNOPQRSTUVWXYZ NACEFGILOPRUZ OM PAEFGHKLMNRSTWY QA REOSUW SABCDEGHIJKLMNORSTVXYZ TCDFGHJKLMNORTVWZ UAGMSYZ VACEGINU WFS XK YET ZAMW";

/** The codes of one group: its first letter before each of the letters that follow. */
type GroupCodes<
  First extends string,
  Seconds extends string,
> = Seconds extends `${infer Second}${infer Rest}`
  ? `${First}${Second}` | GroupCodes<First, Rest>
  : never;

/** The codes of space-separated groups, as {@link CODES_BY_FIRST_LETTER} writes them. */
type CodesOf<Text extends string> = Text extends `${infer First}${infer Seconds} ${infer Rest}`
  ? GroupCodes<First, Seconds> | CodesOf<Rest>
  : Text extends `${infer First}${infer Seconds}`
    ? GroupCodes<First, Seconds>
    : never;

/** An ISO 3166-1 alpha-2 country code (plus `XK` for Kosovo). @category Model */
export type CountryCode = CodesOf<typeof CODES_BY_FIRST_LETTER>;

/**
 * Every {@link CountryCode}, in alphabetical order (250: the 249 ISO
 * 3166-1 alpha-2 codes and `XK`).
 *
 * @example
 * COUNTRY_CODES.includes("GB"); // true
 * COUNTRY_CODES.length; // 250
 * @category Model
 */
export const COUNTRY_CODES: readonly CountryCode[] = /* @__PURE__ */ (() =>
  Object.freeze(
    CODES_BY_FIRST_LETTER.split(" ").flatMap((group) =>
      [...group.slice(1)].map((second) => `${group[0]}${second}` as CountryCode),
    ),
  ))();

const CODE_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

/**
 * Whether a value is a country code the model accepts.
 *
 * @example
 * isCountryCode("GB"); // true
 * isCountryCode("UK"); // false: the United Kingdom's ISO code is GB
 * @category Model
 */
export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === "string" && CODE_SET.has(value);
}

/** Common non-ISO spellings, so that an error can say what was probably meant. */
const LIKELY_MEANT: Readonly<Record<string, CountryCode>> = { UK: "GB", EL: "GR", KS: "XK" };

/** A hint for a string that is not a country code: the ISO code it probably means, if any. */
export function countryCodeHint(value: string): CountryCode | undefined {
  const upper = value.trim().toUpperCase();
  if (isCountryCode(upper)) return upper;
  return LIKELY_MEANT[upper];
}
