/**
 * Just enough XML reading for the manifest's tests: elements with attributes and text. The manifest is
 * checked against Microsoft's XSDs by xmllint first, so it is well-formed; no entities beyond the five.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
  parent?: XmlElement;
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const root: XmlElement = { name: "#document", attrs: {}, text: "", children: [] };
  let current = root;
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const [, closing, name, attrText, selfClosing, text] = m;
    if (text !== undefined) {
      current.text += unescape(text);
      continue;
    }
    if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent ?? root;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = unescape(a[2]);
    const element: XmlElement = { name, attrs, text: "", children: [], parent: current };
    current.children.push(element);
    if (!selfClosing) current = element;
  }
  if (current !== root) throw new Error(`<${current.name}> is not closed`);
  return root;
}

/** Every element below (and including) this one, in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

/** Elements by local name (the prefix dropped: bt:Image is Image). */
export function byName(root: XmlElement, localName: string): XmlElement[] {
  return descendants(root).filter((e) => e.name.replace(/^[\w.-]+:/, "") === localName);
}

/** Every URL the manifest makes Office load: attribute values and texts that are URLs; namespaces aside. */
export function loadedUrls(root: XmlElement): string[] {
  const urls: string[] = [];
  for (const e of descendants(root)) {
    for (const [name, value] of Object.entries(e.attrs)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) urls.push(value.trim());
    }
    const text = e.text.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) urls.push(text);
  }
  return urls;
}
