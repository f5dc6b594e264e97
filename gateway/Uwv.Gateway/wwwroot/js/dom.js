// Building the page from data without ever parsing data as HTML: every text goes in as a text node.

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'for') el.htmlFor = value;
    else if (key === 'value') el.value = value;
    else if (key === 'checked') el.checked = !!value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  return append(el, ...children);
}

export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, ...children);
}

export function alert(kind, ...content) {
  return h('div', { class: `alert alert--${kind}`, role: kind === 'error' ? 'alert' : null }, content.map((c) => (typeof c === 'string' ? h('p', {}, c) : c)));
}

/** A labelled form control; control is built with the id this returns so label and hint are tied to it. */
export function field(label, build, hint) {
  const id = nextId('veld');
  const hintId = hint ? `${id}-hint` : null;
  const control = build(id, hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('span', { class: 'hint', id: hintId }, hint) : null, control);
}

export const input = (name, attrs = {}) => (id, hintId) =>
  h('input', { id, name, type: 'text', 'aria-describedby': hintId, ...attrs });

export const textarea = (name, attrs = {}) => (id, hintId) =>
  h('textarea', { id, name, 'aria-describedby': hintId, ...attrs });

export const select = (name, options, attrs = {}) => (id, hintId) =>
  h('select', { id, name, 'aria-describedby': hintId, ...attrs },
    options.map(([value, text]) => h('option', { value, selected: attrs.selectedValue === value }, text)));

export function checkbox(name, label, checked = false) {
  const id = nextId('vink');
  return h('div', { class: 'check' }, h('input', { type: 'checkbox', id, name, checked }), h('label', { for: id }, label));
}

export function button(text, onclick, variant = 'primary', attrs = {}) {
  return h('button', { type: 'button', class: `utrecht-button utrecht-button--${variant}-action`, onclick, ...attrs }, text);
}

export function submit(text, variant = 'primary') {
  return h('button', { type: 'submit', class: `utrecht-button utrecht-button--${variant}-action` }, text);
}

export function link(href, text, attrs = {}) {
  return h('a', { class: 'utrecht-link', href, ...attrs }, text);
}

/** A data table; columns are [header, row => cell content]. */
/** totals: the cells of a footer row ("Totaal" first), one per column, or null for none. */
export function table(caption, columns, rows, empty = 'Geen gegevens.', { hideCaption = false, totals = null } = {}) {
  if (!rows?.length) return h('p', {}, empty);
  // A wide table scrolls within its wrapper; the wrapper is focusable so keyboard users can scroll it too.
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'utrecht-table' },
      h('caption', { class: `utrecht-table__caption${hideCaption ? ' sr-only' : ''}` }, caption),
      h('thead', { class: 'utrecht-table__header' },
        h('tr', { class: 'utrecht-table__row' }, columns.map(([header]) => h('th', { scope: 'col', class: 'utrecht-table__header-cell' }, header)))),
      h('tbody', { class: 'utrecht-table__body' },
        rows.map((row) => h('tr', { class: 'utrecht-table__row' }, columns.map(([, cell]) => h('td', { class: 'utrecht-table__cell' }, cell(row)))))),
      totals ? h('tfoot', { class: 'utrecht-table__footer' },
        h('tr', { class: 'utrecht-table__row table-totals' }, totals.map((cell, i) => (i === 0
          ? h('th', { scope: 'row', class: 'utrecht-table__header-cell' }, cell)
          : h('td', { class: 'utrecht-table__cell' }, cell))))) : null));
}

export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

export function formValues(form) {
  const values = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    values[el.name] = el.type === 'checkbox' ? el.checked : el.value.trim();
  }
  return values;
}

export const newRequestId = () => crypto.randomUUID();

/**
 * Loads into one region so that only the newest load renders: a slow earlier answer (the page's first load, an
 * older filter) never overwrites a newer one. The region is aria-busy while its newest load runs.
 * Usage: const settle = begin(); ...await...; if (!settle()) return;
 */
export function newestOnly(region) {
  let newest = 0;
  return () => {
    const mine = ++newest;
    region.setAttribute('aria-busy', 'true');
    return () => {
      if (mine !== newest) return false;
      region.setAttribute('aria-busy', 'false');
      return true;
    };
  };
}
