/** Minimal XML writing for awsQuery answers: elements, lists of `<member>`, escaping. */
export type XmlValue = string | number | boolean | undefined | XmlNode | XmlValue[];
export interface XmlNode {
  [name: string]: XmlValue;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Renders a node's children; arrays become `<member>` lists as awsQuery expects. */
export function renderXml(node: XmlNode): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) {
    if (value === undefined) continue;
    out += `<${name}>${renderValue(value)}</${name}>`;
  }
  return out;
}

function renderValue(value: Exclude<XmlValue, undefined>): string {
  if (Array.isArray(value)) {
    return value.map((item) => (item === undefined ? '' : `<member>${renderValue(item)}</member>`)).join('');
  }
  if (typeof value === 'object') return renderXml(value);
  return escapeXml(String(value));
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…` as IAM and STS answer. */
export function renderQueryResponse(action: string, namespace: string, result: XmlNode, requestId: string): string {
  // Operations without output (DeleteRole…) answer with only the response metadata.
  const body = Object.keys(result).length === 0 ? '' : `<${action}Result>${renderXml(result)}</${action}Result>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${namespace}">` +
    body +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function renderQueryError(code: string, message: string, status: number, requestId: string): string {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
