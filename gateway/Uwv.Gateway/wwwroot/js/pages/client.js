// The client picture (klantbeeld): first the purpose of the look (recorded in the audit log), then every group the
// API returns for this role. Fields the role may not see never arrive: the server removes them.
import { h, replace, append, alert, field, select, input, facts, newestOnly } from '../dom.js';
import { get } from '../api.js';
import { renderGroups } from './client-groups.js';
import { renderActions } from './client-actions.js';
import { PURPOSES, dataGroups } from '../format.js';

export async function render(main, [clientId], ctx) {
  const heading = h('h1', {}, 'Klantbeeld');
  const body = h('div', { 'aria-busy': 'false' });
  const begin = newestOnly(body);
  const form = h('form', {
    class: 'form-grid form-grid--wide',
    'aria-label': 'Inzage kiezen',
    onsubmit: (e) => { e.preventDefault(); load(); },
  },
  field('Doel van inzage', select('purpose', Object.entries(PURPOSES)), 'Elke inzage wordt vastgelegd: wie, wanneer en waarom.'),
  field('Toelichting (niet verplicht)', input('toelichting', { maxlength: 200, autocomplete: 'off' })),
  h('div', {}, h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, 'Klantbeeld tonen')));

  /** Loads the picture; after an action, `notice` (its result) stays announced above the actions and focus stays put. */
  async function load(notice) {
    const extra = form.elements.toelichting.value.trim();
    // The code from the fixed list, and the explanation as its own field: both go into the audit log.
    const purpose = { purpose: form.elements.purpose.value, ...(extra ? { purposeNote: extra } : {}) };
    const settle = begin();
    let picture;
    try {
      picture = (await get(`/api/v1/klantbeeld/${encodeURIComponent(clientId)}`, purpose)).klantbeeld ?? {};
    } catch (error) {
      if (settle()) replace(body, alert('error', error.message));
      return;
    }
    if (!settle()) return;
    replace(heading, `Klantbeeld: ${picture.name ?? 'cliënt'}`);
    replace(body,
      h('section', { 'aria-labelledby': 'kop-klantreis' },
        h('h2', { id: 'kop-klantreis' }, 'Klantreis'),
        h('p', { class: 'status-banner', 'data-testid': 'klantreis-status' }, picture.klantreisStatus || 'Er is nog geen klantreis gestart.'),
        picture.casusoverleg ? alert('error', 'Dit dossier is meer dan eens heen en weer gegaan: bespreek de cliënt in het casusoverleg.') : null),
      h('section', { 'aria-labelledby': 'kop-persoon' },
        h('h2', { id: 'kop-persoon' }, 'Persoon'),
        facts([
          ['Naam', picture.name], ['BSN', picture.bsn], ['Geboortedatum', picture.dateOfBirth],
          ['Postcode', picture.postcode], ['Gebiedsteam', picture.areaTeam], ['Cliëntnummer', picture.clientId],
        ])),
      renderGroups(picture, { ...ctx, purpose, reload: load }),
      renderActions(picture, ctx, load, notice),
      h('p', { class: 'hint' }, `Getoonde gegevensgroepen voor uw rol: ${picture.fieldGroups?.length ? dataGroups(picture.fieldGroups.join(',')) : 'basis'}.`));
    if (!notice) heading.focus();
  }

  heading.tabIndex = -1;
  append(main, heading, h('p', { class: 'lead' }, 'Kies eerst waarom u dit klantbeeld bekijkt.'), form, body);
}
