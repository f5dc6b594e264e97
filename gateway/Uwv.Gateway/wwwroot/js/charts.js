// Charts (ECharts, vendored) where people would rather look than read; each with a table for screen readers,
// which sighted users can show too. The chart itself is hidden from assistive technology.
import { h, table, nextId } from './dom.js';

let echartsModule;
const charts = new Set();

async function echarts() {
  echartsModule ??= await import('/lib/echarts/echarts.esm.min.js');
  return echartsModule;
}

window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

/** Disposes the charts of the previous page. */
export function disposeCharts() {
  charts.forEach((c) => c.dispose());
  charts.clear();
}

/**
 * A chart block: heading, short explanation, chart, and the same numbers as a table.
 * columns/rows/totals as for table(); option is the ECharts option (animation is switched off: calmer, and testable).
 */
export function chartBlock({ title, intro, option, columns, rows, totals = null, tall = false, empty = 'Nog geen gegevens in deze periode.' }) {
  const id = nextId('grafiek');
  const hasData = rows.length > 0;
  const chart = h('div', { class: `chart${tall ? ' chart--tall' : ''}`, 'aria-hidden': 'true' });
  const tableId = `${id}-tabel`;
  const tableWrap = h('div', { id: tableId, class: 'sr-only' }, table(title, columns, rows, empty, { totals }));
  // While only screen readers see the table it does not scroll, so it needs no keyboard stop of its own.
  const scroller = tableWrap.querySelector('.table-wrap');
  scroller?.removeAttribute('tabindex');
  const toggle = h('button', {
    type: 'button', class: 'utrecht-button utrecht-button--subtle toggle-table', 'aria-expanded': 'false', 'aria-controls': tableId,
    onclick: () => {
      const shown = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!shown));
      tableWrap.classList.toggle('sr-only', shown);
      if (shown) scroller?.removeAttribute('tabindex');
      else scroller?.setAttribute('tabindex', '0');
      toggle.textContent = shown ? 'Toon als tabel' : 'Verberg tabel';
    },
  }, 'Toon als tabel');
  const block = h('section', { class: 'chart-block', 'aria-labelledby': `${id}-kop` },
    h('h2', { id: `${id}-kop` }, title), intro ? h('p', {}, intro) : null,
    hasData ? chart : h('p', {}, empty), hasData ? toggle : null, hasData ? tableWrap : null);
  if (hasData) {
    echarts().then((lib) => {
      const instance = lib.init(chart, null, { renderer: 'canvas', locale: 'EN' });
      instance.setOption({ animation: false, textStyle: { fontFamily: 'Fira Sans, Arial, sans-serif', fontSize: 13 }, ...option });
      charts.add(instance);
    });
  }
  return block;
}

export const PALETTE = ['#154273', '#39870c', '#e17000', '#8fcae7', '#a90061', '#ffb612', '#42145f', '#007bc7'];
