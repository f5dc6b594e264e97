// One bezwaar, as the jurist handles it: its terms, then contact, verdaging, herstel verzuim, horen, beslissing,
// beroep and ingebrekestelling. Each result or refusal is announced next to the form that caused it; a refused form
// keeps what was typed; a change by someone else in the meantime (ABORTED) says so and keeps the input.
import { h, append, replace, alert, facts, link, field, input, select, textarea, checkbox, formValues } from '../dom.js';
import { get, post } from '../api.js';
import { date, divisionShort, enumText, yesNo, isoDay } from '../format.js';

const ABORTED = 10;
const OUTCOMES = [
  ['', 'Kies…'], ['BEZWAAR_OUTCOME_GEGROND', 'Gegrond'], ['BEZWAAR_OUTCOME_ONGEGROND', 'Ongegrond'],
  ['BEZWAAR_OUTCOME_NIET_ONTVANKELIJK', 'Niet-ontvankelijk'], ['BEZWAAR_OUTCOME_INGETROKKEN', 'Ingetrokken'],
];

export async function render(main, [bezwaarId]) {
  const heading = h('h1', { tabindex: '-1' }, 'Bezwaar');
  // Results of a step whose form goes away once it is done (the contact, the beslissing) are announced here.
  const pageFeedback = h('div', { 'aria-live': 'polite', 'data-testid': 'melding-bezwaar' });
  const body = h('div', {});
  append(main, heading, pageFeedback, body);
  const path = `/api/v1/bezwaarberoep/bezwaren/${encodeURIComponent(bezwaarId)}`;
  const today = isoDay(new Date());
  let current;

  /** A form for one step; its live region sits right below it. */
  function step(key, title, controls, submitText, command, values, success) {
    const feedback = h('div', { 'aria-live': 'polite', class: 'section-feedback', 'data-testid': `melding-${key}` });
    const id = `kop-${key}`;
    const form = h('form', {
      'aria-labelledby': id,
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          const { bezwaar } = await post(`${path}/${command}`, { expectedVersion: current.version, ...values(formValues(form), form) });
          current = bezwaar;
          draw();
          replace(body.querySelector(`[data-testid=melding-${key}]`) ?? pageFeedback, alert('ok', success));
        } catch (error) {
          if (error.code === ABORTED) {
            current = (await get(path)).bezwaar;
            replace(feedback, alert('error', 'Iemand anders heeft dit bezwaar intussen gewijzigd. Uw invoer is bewaard; controleer de stand en probeer het opnieuw.'));
            return;
          }
          replace(feedback, alert('error', h('p', { 'data-rule': error.rule ?? '' }, error.message)));
        }
      },
    }, h('div', { class: 'form-grid form-grid--wide' }, controls),
    h('button', { type: 'submit', class: 'utrecht-button utrecht-button--secondary-action' }, submitText));
    return h('section', { 'aria-labelledby': id }, h('h3', { id }, title), form, feedback);
  }

  const day = (name, label, hint) => field(label, input(name, { type: 'date', required: true, max: today, value: today }), hint);

  function draw() {
    const b = current;
    const open = b.status === 'BEZWAAR_STATUS_IN_BEHANDELING';
    replace(heading, `Bezwaar tegen besluit van ${divisionShort(b.decisionDivision)} (${b.decisionReference})`);
    replace(body,
      h('p', { class: 'status-banner', 'data-testid': 'bezwaar-stand' }, `Stand: ${enumText(b.status, 'BEZWAAR_STATUS_')}${b.outcome && b.outcome !== 'BEZWAAR_OUTCOME_UNSPECIFIED' ? `, ${enumText(b.outcome, 'BEZWAAR_OUTCOME_')}` : ''}`),
      facts([
        ['Cliënt', link(`#/clienten/${b.clientId}`, 'Klantbeeld openen')],
        ['Ontvangen', date(b.receivedOn)], ['Bezwaartermijn tot', date(b.bezwaartermijnEndsOn)],
        ['Op tijd ingediend', b.filedOnTime ? 'ja' : b.lateFilingExcused ? 'nee, maar verschoonbaar' : 'nee'],
        ['Beslistermijn tot', b.beslistermijnEndsOn ? date(b.beslistermijnEndsOn) : 'opgeschort (herstel verzuim)'],
        ['Verdaagd', b.verdagingWeeks ? `${b.verdagingWeeks} weken` : ''], ['Uitgesteld met instemming', b.uitstelWeeks ? `${b.uitstelWeeks} weken` : ''],
        ['Contact vóór', b.contactedOn ? `gedaan op ${date(b.contactedOn)}` : date(b.contactDueOn)],
        ['Hoorzitting', b.hoorzittingHeldOn ? `gehouden op ${date(b.hoorzittingHeldOn)}` : b.horenWaivedReason ? `afgezien: ${b.horenWaivedReason}` : b.hoorzittingPlannedOn ? `gepland op ${date(b.hoorzittingPlannedOn)}` : 'nog niet gepland'],
        ['Beslist op', b.decidedOn ? `${date(b.decidedOn)} (${b.decidedInTime ? 'binnen' : 'na'} de beslistermijn)` : ''],
        ['Beroep ingesteld', b.beroepFiledOn ? date(b.beroepFiledOn) : ''],
        ['Ingebrekestelling ontvangen', b.ingebrekestellingReceivedOn ? date(b.ingebrekestellingReceivedOn) : ''],
        ['Dwangsom vanaf', b.dwangsomFrom ? date(b.dwangsomFrom) : ''],
        ['Adviescommissie', yesNo(b.advisoryCommittee)], ['Gronden', b.grounds],
      ]),
      h('section', { 'aria-labelledby': 'kop-stappen' }, h('h2', { id: 'kop-stappen' }, 'Behandeling'),
        open && !b.contactedOn ? step('contact', 'Eerste contact vastleggen', [day('contactedOn', 'Datum van het contact', 'Binnen 5 werkdagen na ontvangst.')],
          'Contact vastleggen', 'contact', (v) => ({ contactedOn: v.contactedOn }), 'Het contact is vastgelegd.') : null,
        open ? step('verdaging', 'Beslistermijn verdagen of uitstellen', [
          field('Aantal weken', input('weeks', { type: 'number', min: 1, max: 52, required: true }), 'Verdagen: ten hoogste 6 weken, één keer (Awb 7:10 lid 3). Uitstel met instemming: 1 tot 52 weken.'),
          day('announcedOn', 'Schriftelijk meegedeeld op'),
          checkbox('clientConsent', 'Uitstel met instemming van de cliënt (Awb 7:10 lid 4)'),
        ], 'Termijn aanpassen', 'verdaging', (v) => ({ weeks: Number(v.weeks), announcedOn: v.announcedOn, clientConsent: v.clientConsent }),
        'De beslistermijn is aangepast.') : null,
        open && !b.herstelVerzuimPending ? step('herstel', 'Herstel verzuim vragen', [day('requestedOn', 'Gevraagd op', 'De beslistermijn staat stil tot het verzuim is hersteld.')],
          'Herstel verzuim starten', 'herstel-verzuim', (v) => ({ requestedOn: v.requestedOn }), 'Het herstel verzuim is gestart; de beslistermijn staat stil.') : null,
        open && b.herstelVerzuimPending ? step('herstel', 'Herstel verzuim afronden', [day('repairedOn', 'Hersteld op')],
          'Herstel verzuim afronden', 'herstel-verzuim/end', (v) => ({ repairedOn: v.repairedOn }), 'Het verzuim is hersteld; de beslistermijn loopt weer.') : null,
        open && !b.hoorzittingHeldOn && !b.horenWaivedReason ? step('horen-plannen', 'Hoorzitting plannen', [
          field('Datum hoorzitting', input('plannedOn', { type: 'date', required: true }))], 'Hoorzitting plannen', 'hoorzitting', (v) => ({ plannedOn: v.plannedOn }),
          'De hoorzitting is gepland.') : null,
        open && !b.hoorzittingHeldOn && !b.horenWaivedReason ? step('horen', 'Horen vastleggen', [
          field('Gehoord op', input('heldOn', { type: 'date', max: today }), 'Leeg laten als van horen is afgezien.'),
          field('Reden om van horen af te zien', textarea('waivedReason', { maxlength: 2000 }), 'Alleen bij afzien van horen (Awb 7:3).'),
        ], 'Horen vastleggen', 'hoorzitting/held', (v) => ({ heldOn: v.heldOn, waivedReason: v.waivedReason }), 'Het horen is vastgelegd.') : null,
        open ? step('beslissing', 'Beslissing op bezwaar', [
          field('Uitkomst', select('outcome', OUTCOMES, { required: true })),
          day('decidedOn', 'Beslist op'),
          checkbox('kennelijk', 'Kennelijk niet-ontvankelijk of kennelijk ongegrond (geen dwangsom verschuldigd)'),
        ], 'Beslissing vastleggen', 'beslissing', (v) => ({ outcome: v.outcome || undefined, decidedOn: v.decidedOn, kennelijk: v.kennelijk }),
        'De beslissing is vastgelegd.') : null,
        b.status === 'BEZWAAR_STATUS_BESLIST' ? step('beroep', 'Beroep registreren', [day('filedOn', 'Beroep ingesteld op')],
          'Beroep registreren', 'beroep', (v) => ({ filedOn: v.filedOn }), 'Het beroep is geregistreerd.') : null,
        open && !b.ingebrekestellingReceivedOn ? step('ingebrekestelling', 'Ingebrekestelling vastleggen', [day('receivedOn', 'Ontvangen op', 'Pas na het verstrijken van de beslistermijn; twee weken later gaat de dwangsom lopen.')],
          'Ingebrekestelling vastleggen', 'ingebrekestelling', (v) => ({ receivedOn: v.receivedOn }), 'De ingebrekestelling is vastgelegd.') : null));
  }

  try {
    current = (await get(path)).bezwaar;
    draw();
  } catch (error) {
    replace(body, alert('error', error.message));
  }
}
