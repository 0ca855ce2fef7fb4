import table from './municipalities.json';

/**
 * The official names of Denmark's 98 municipalities by their three-digit code (`municipalities.json`,
 * data a municipality's jurist can check against Danmarks Statistik's list). A letter names its sender
 * by this name unless the directory file gives another.
 */
export const MUNICIPALITY_NAMES: Readonly<Record<string, string>> = table.municipalities;

/** "Københavns Kommune" for "101"; a code that is not one of the 98 is named by its code. */
export function officialMunicipalityName(code: string): string {
  return Object.prototype.hasOwnProperty.call(MUNICIPALITY_NAMES, code)
    ? MUNICIPALITY_NAMES[code]!
    : `kommune ${code}`;
}
