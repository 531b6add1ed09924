/**
 * Uyghur Arabic script → Uyghur Latin script (ULY, Uyghur Latin Yéziqi), as used to check the English names
 * of the demo grids (gaochang-names.ts): an English place name of Uyghur origin is its ULY spelling.
 *
 * Letter for letter; the hamza carrier ئ only marks a word-initial vowel and is dropped there, inside a word it
 * becomes the separator ' (ULY writes mes'ul). ULY also writes ' where two letters would read as one of its
 * digraphs (n'g is ن + گ, ng is ڭ).
 */

const LETTERS: Readonly<Record<string, string>> = {
  ا: "a",
  ە: "e",
  ب: "b",
  پ: "p",
  ت: "t",
  ج: "j",
  چ: "ch",
  خ: "x",
  د: "d",
  ر: "r",
  ز: "z",
  ژ: "zh",
  س: "s",
  ش: "sh",
  غ: "gh",
  ف: "f",
  ق: "q",
  ك: "k",
  گ: "g",
  ڭ: "ng",
  ل: "l",
  م: "m",
  ن: "n",
  ھ: "h",
  و: "o",
  ۇ: "u",
  ۆ: "ö",
  ۈ: "ü",
  ۋ: "w",
  ې: "é",
  ى: "i",
  ي: "y",
};

const HAMZA = "ئ";
const DIGRAPHS = new Set(["ch", "gh", "ng", "sh", "zh"]);

/** One word or phrase in lower-case ULY; characters outside the alphabet (spaces, hyphens) pass through. */
export function uyghurLatin(text: string): string {
  let out = "";
  for (const char of text) {
    if (char === HAMZA) {
      if (out !== "" && /\p{L}$/u.test(out)) out += "'";
      continue;
    }
    const latin = LETTERS[char];
    if (latin === undefined) {
      out += char;
      continue;
    }
    // n + g from two letters must not read as ڭ (and s + h as ش, …)
    if (DIGRAPHS.has(`${out.slice(-1)}${latin[0]}`) && !out.endsWith("'")) out += "'";
    out += latin;
  }
  return out;
}

/** "yette bulaq" → "Yette Bulaq". */
export function titleCase(text: string): string {
  return text.replace(
    /(^|[\s-])(\p{L})/gu,
    (_, before: string, letter: string) => before + letter.toUpperCase(),
  );
}
