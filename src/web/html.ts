/**
 * HTML from tagged template literals: every interpolated value is escaped unless it is itself HTML
 * made here (a `Html` from `html` or `raw`), so text from a case, a claim or a query string can never
 * become markup. No template engine: the pages are few and plain TypeScript keeps them type-checked.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => ESCAPES[char]!);
}

function render(value: Interpolation): string {
  if (value instanceof Html) return value.value;
  // null, undefined and false render nothing, so `${condition && html`…`}` reads naturally.
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new Html(out);
}

/** Markup that is trusted as it is: only for constants written in this code. */
export function raw(markup: string): Html {
  return new Html(markup);
}
