// The forms of the handover page. Every form keeps what was typed until its command succeeds: a refusal or a
// concurrent change never wipes the user's input.
import { h, field, select, textarea, input, checkbox, formValues, nextId, button, table } from '../dom.js';
import {
  RETURN_REASONS, dateTime, handoverStep, WRITTEN_CHANNELS, PING_PONG_KINDS, ESCALATION_LEVELS, ESCALATION_CAUSES,
} from '../format.js';

function radio(name, value, label) {
  const id = nextId('keuze');
  return h('div', { class: 'check' }, h('input', { type: 'radio', id, name, value, required: true }), h('label', { for: id }, label));
}

const primary = (text) => h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, text);
const secondary = (text) => h('button', { type: 'submit', class: 'utrecht-button utrecht-button--secondary-action' }, text);

/** Builds a form that calls onsubmit(values); the values stay in the form whatever the outcome. */
function form(labelledBy, heading, onsubmit, ...content) {
  const el = h('form', {
    'aria-labelledby': labelledBy,
    onsubmit: (e) => {
      e.preventDefault();
      onsubmit(formValues(el), el);
    },
  }, h('h3', { id: labelledBy }, heading), ...content);
  return el;
}

/**
 * A nazorg call attempt. Nothing is preselected: the worker says whether the client was reached, and only then the
 * questions about the conversation open.
 */
export function nazorgForm(onsubmit) {
  const followUp = h('fieldset', { disabled: true, 'data-testid': 'nazorg-vervolg' }, h('legend', {}, 'Als de cliënt bereikt is'),
    checkbox('understandsOutcome', 'De cliënt begrijpt de uitkomst van de beoordeling'),
    checkbox('knowsNextSteps', 'De cliënt weet wat er nu gebeurt'),
    field('Extra behoeften van de cliënt', textarea('extraNeeds', { maxlength: 2000 }), 'Reist mee met de overdracht, zodat de collega niet opnieuw hoeft te vragen.'));
  const outcome = h('fieldset', {
    onchange: (e) => {
      if (e.target.name === 'outcome') followUp.disabled = e.target.value !== 'reached';
    },
  }, h('legend', {}, 'Uitkomst van het gesprek'), radio('outcome', 'reached', 'Cliënt bereikt'), radio('outcome', 'not-reached', 'Niet bereikt'));
  return form('kop-belpoging', 'Belpoging vastleggen', (v, el) => {
    const reached = el.querySelector('input[name=outcome]:checked')?.value === 'reached';
    onsubmit({
      outcome: reached ? 'NAZORG_OUTCOME_REACHED' : 'NAZORG_OUTCOME_NOT_REACHED',
      understandsOutcome: reached && v.understandsOutcome,
      knowsNextSteps: reached && v.knowsNextSteps,
      extraNeeds: reached ? v.extraNeeds : '',
    });
  }, outcome, followUp, primary('Belpoging vastleggen'));
}

/** The calls so far, with their moments: the written-message rule is about attempts on different working days. */
export function callsTable(calls) {
  if (!calls?.length) return h('p', {}, 'Nog geen belpogingen.');
  return h('table', { class: 'utrecht-table' },
    h('caption', { class: 'utrecht-table__caption' }, 'Belpogingen'),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      ['Nr.', 'Tijdstip', 'Uitkomst', 'Vastgelegd door'].map((t) => h('th', { scope: 'col', class: 'utrecht-table__header-cell' }, t)))),
    h('tbody', { class: 'utrecht-table__body' }, calls.map((c, i) => h('tr', { class: 'utrecht-table__row' },
      [String(i + 1), dateTime(c.attemptedAt), c.reached ? 'bereikt' : 'niet bereikt', c.recordedBy].map((t) => h('td', { class: 'utrecht-table__cell' }, t))))));
}

/** A letter or e-mail instead of a call: always shown, with the rule that unlocks it and how far the worker is. */
export function writtenMessage(nazorg, onsend) {
  const needed = nazorg.unansweredAttemptsNeeded || 3;
  const days = nazorg.workingDaysNeeded || 2;
  const allowed = !!nazorg.writtenMessageAllowed;
  const ruleId = nextId('regel');
  const rule = allowed
    ? 'U heeft de cliënt vaak genoeg zonder succes gebeld: u mag nu een brief of e-mail sturen.'
    : `Een brief of e-mail kan na ${needed} onbeantwoorde belpogingen op ten minste ${days} verschillende werkdagen. Nu: ${nazorg.unansweredAttempts ?? 0} onbeantwoord.`;
  return h('div', { class: 'written-message', 'data-testid': 'brief-of-email' },
    h('h3', {}, 'Brief of e-mail in plaats van bellen'),
    h('p', { id: ruleId, class: 'hint' }, rule),
    h('div', { class: 'actions' },
      button('Brief gestuurd', () => onsend('WRITTEN_MESSAGE_CHANNEL_LETTER', 'De brief is vastgelegd.'), 'secondary', { disabled: !allowed, 'aria-describedby': ruleId }),
      button('E-mail gestuurd', () => onsend('WRITTEN_MESSAGE_CHANNEL_EMAIL', 'De e-mail is vastgelegd.'), 'secondary', { disabled: !allowed, 'aria-describedby': ruleId })));
}

/** The teamleider's override of the nazorg gate, with its required reason. */
export function overrideForm(onsubmit) {
  return form('kop-doorbreken', 'Nazorg doorbreken (teamleider)', (v) => onsubmit({ reason: v.reason }),
    field('Waarom zonder nazorg overdragen?', textarea('reason', { required: true, maxlength: 2000 }), 'Verplicht. De reden blijft bij de overdracht en telt mee op het dashboard.'),
    secondary('Nazorg doorbreken'));
}

/** The teamleider records what the casusoverleg agreed. */
export function casusoverlegForm(onsubmit) {
  return form('kop-casusoverleg-vastleggen', 'Uitkomst casusoverleg vastleggen (teamleider)', (v) => onsubmit({ outcome: v.outcome }),
    field('Wat is er in het casusoverleg afgesproken?', textarea('outcome', { required: true, maxlength: 2000 }),
      'Verplicht. Wie pakt de cliënt op, en hoe. De uitkomst blijft bij de overdracht en in de geschiedenis.'),
    secondary('Uitkomst vastleggen'));
}

/** Every step of the handover so far, oldest first: who did what, when and why. */
export function historyTable(history) {
  const detail = (s) => [
    s.what === 'nazorg-attempt' ? (s.reached ? 'cliënt bereikt' : 'cliënt niet bereikt') : '',
    s.what === 'written-message' ? WRITTEN_CHANNELS[s.category] ?? '' : '',
    s.what === 'ping-pong' ? PING_PONG_KINDS[s.category] ?? '' : '',
    s.what === 'returned' ? RETURN_REASONS[s.category] ?? '' : '',
    s.what === 'escalated' ? `naar de ${ESCALATION_LEVELS[s.level] ?? s.level}: ${ESCALATION_CAUSES[s.cause] ?? s.cause}` : '',
    s.colleague ? `collega ${s.colleague}` : '',
    s.reason ?? '',
  ].filter(Boolean).join(' — ');
  return table('Geschiedenis van de overdracht', [
    ['Tijdstip', (s) => dateTime(s.at)],
    ['Stap', (s) => handoverStep(s.what)],
    ['Door', (s) => (s.by === 'system' ? 'automatisch' : s.by)],
    ['Toelichting', detail],
  ], history, 'Nog geen geschiedenis vastgelegd.');
}

/** The sender names the receiving colleague for the warme overdracht. */
export function arrangeWarmForm(current, onsubmit) {
  return form('kop-warm-afspreken', 'Warme overdracht afspreken', (v) => onsubmit({ receivingColleague: v.receivingColleague }),
    field('Gebruikersnaam van de ontvangende collega', input('receivingColleague', { required: true, maxlength: 200, value: current || undefined, autocomplete: 'off' }),
      'De collega bevestigt na de persoonlijke kennismaking met de cliënt; pas daarna kan het dossier over.'),
    secondary(current ? 'Andere collega aanwijzen' : 'Collega aanwijzen'));
}

/** Cancelling the handover, with its reason. */
export function cancelForm(onsubmit) {
  return form('kop-intrekken', 'Overdracht intrekken', (v) => onsubmit({ reason: v.reason }),
    field('Reden van intrekken', textarea('reason', { required: true, maxlength: 2000 }), 'Het dossier blijft bij uw organisatieonderdeel.'),
    secondary('Overdracht intrekken'));
}

export function returnForm(onsubmit) {
  return form('kop-terugsturen', 'Terugsturen', (v) => onsubmit({ reasonCategory: v.reasonCategory || undefined, reason: v.reason }),
    h('div', { class: 'form-grid form-grid--wide' },
      field('Soort reden', select('reasonCategory', [['', 'Kies…'], ...Object.entries(RETURN_REASONS).filter(([key]) => key.startsWith('RETURN_REASON_'))], { required: true })),
      field('Toelichting', textarea('reason', { required: true, maxlength: 2000 }), 'De verzender moet hiermee verder kunnen.')),
    secondary('Terugsturen'));
}
