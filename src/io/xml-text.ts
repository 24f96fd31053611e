/** XML text as a reader finds it between tags and in attribute values, without a DOM. */

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

/** Text with the five named entities and character references replaced (&amp; → &, &#x4E00; → 一). */
export const unescapeXml = (text: string): string =>
  text.indexOf("&") < 0
    ? text
    : text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
        const named = NAMED_ENTITIES[e.toLowerCase()];
        if (named) return named;
        return String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      });

/**
 * A spreadsheet string as Office wrote it (ECMA-376 ST_Xstring): XML entities, then the _xHHHH_ escapes
 * Excel uses for control characters (_x000D_ is a carriage return), and Windows line ends as one line feed.
 */
export const unescapeSpreadsheetText = (text: string): string => {
  const plain = unescapeXml(text);
  return (plain.indexOf("_x") < 0 ? plain : plain.replace(/_x([\da-f]{4})_/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))).replace(/\r\n/g, "\n");
};

/** The value of attribute `name` in an element's opening tag, unescaped; undefined when the tag has none. */
export function attributeOf(tag: string, name: string): string | undefined {
  const match = attributePattern(name).exec(tag);
  return match ? unescapeXml(match[1] ?? match[2]) : undefined;
}

const attributePatterns = new Map<string, RegExp>();
function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  return pattern;
}
