/**
 * How place names are compared: lower case, without accents, apostrophes or
 * hyphens, spaces collapsed ("Xi’an" and "xian", "Stoke-on-Trent" and
 * "stoke on trent" are the same name).
 *
 * @module
 */

/**
 * A name as lookups compare it.
 *
 * @example
 * normalizeName("São Paulo"); // "sao paulo"
 * @category Places
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`‘]/g, "")
    .replace(/[-‐–.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
