// One handover: nazorg calls, the warme overdracht, the teamleider's override, transfer, accept, return or cancel.
// Each result or refusal is announced next to the control that caused it; a refused form keeps what was typed.
import { h, append, replace, alert, facts, link, table, button } from '../dom.js';
import { get, post } from '../api.js';
import { RULES } from '../errors.js';
import { DIVISION_OF_CLAIM, division, dateTime, handoverState, yesNo, KWETSBAARHEID, RETURN_REASONS } from '../format.js';
import {
  nazorgForm, callsTable, writtenMessage, overrideForm, arrangeWarmForm, cancelForm, returnForm, casusoverlegForm, historyTable,
} from './handover-forms.js';

const SENDER_STATES = ['requested', 'nazorg-pending', 'ready', 'returned'];
const RECEIVER_STATES = ['transferred', 'escalated'];
const ABORTED = 10;

export async function render(main, [handoverId], { session }) {
  const heading = h('h1', { tabindex: '-1' }, 'Overdracht');
  const pageFeedback = h('div', { 'aria-live': 'polite', 'data-testid': 'overdracht-melding' });
  const body = h('div', {});
  append(main, heading, pageFeedback, body);
  const path = `/api/v1/handovers/${encodeURIComponent(handoverId)}`;
  let current;
  let regions = {};

  /** A live region beside a section's controls: where that section's results and refusals are announced. */
  function region(key) {
    regions[key] = h('div', { 'aria-live': 'polite', class: 'section-feedback', 'data-testid': `melding-${key}` });
    return regions[key];
  }

  /** Runs a command; on success redraws and announces it in the section; on a refusal keeps the form as it is. */
  async function act(key, command, values, success) {
    try {
      const { handover } = await post(`${path}/${command}`, { requestId: crypto.randomUUID(), expectedVersion: current.version, ...values });
      current = handover;
      draw();
      replace(regions[key] ?? pageFeedback, alert('ok', success));
    } catch (error) {
      const target = regions[key] ?? pageFeedback;
      if (error.code === ABORTED) {
        // Someone else changed the handover: take its new version and stand, keep what the user typed.
        current = (await get(path)).handover;
        replace(standBanner(), `Stand: ${handoverState(current.state)}`);
        replace(target, alert('error', h('p', {}, 'Iemand anders heeft deze overdracht intussen gewijzigd. Uw invoer is bewaard; controleer de stand en probeer het opnieuw, of '),
          button('toon de actuele stand', () => draw(), 'subtle')));
        return;
      }
      replace(target, alert('error', h('p', { 'data-rule': error.rule ?? '' }, error.message)));
    }
  }

  const standBanner = () => body.querySelector('[data-testid=overdracht-stand]');

  function draw() {
    regions = {};
    const x = current;
    const own = DIVISION_OF_CLAIM[session.division];
    const isTeamleider = session.role === 'teamleider';
    const atSender = SENDER_STATES.includes(x.state);
    const sender = (isTeamleider || own === x.fromDivision) && atSender;
    const receiver = (isTeamleider || own === x.toDivision) && RECEIVER_STATES.includes(x.state);
    const nazorg = x.nazorg ?? {};
    const nazorgOpen = nazorg.required && !nazorg.done && !nazorg.overridden;
    const warmOpen = x.warmHandoverRequired && !x.warmHandoverConfirmed;
    replace(heading, `Overdracht ${division(x.fromDivision)} → ${division(x.toDivision)}`);
    replace(body,
      h('p', { class: 'status-banner', 'data-testid': 'overdracht-stand' }, `Stand: ${handoverState(x.state)}`),
      facts([
        ['Cliënt', link(`#/clienten/${x.clientId}`, 'Klantbeeld openen')],
        ['Reden', x.reason], ['Aangevraagd door', x.requestedBy], ['Aangevraagd op', dateTime(x.requestedAt)],
        ['Overgedragen op', x.transferredAt ? dateTime(x.transferredAt) : ''],
        ['Deadline', x.dueAt ? dateTime(x.dueAt) : ''],
        ['Escalatie', x.escalationLevel ? `geëscaleerd naar ${x.escalationLevel === 1 ? 'de teamleider' : 'de manager'}: de deadline is verstreken` : ''],
        ['Open vragen', x.openQuestions], ['Uit de nazorg', x.nazorgNotes],
        ['Teruggestuurd omdat', x.returnReason ? `${RETURN_REASONS[x.returnReasonCategory] ?? 'Andere reden'}: ${x.returnReason}` : ''],
        ['Ingetrokken omdat', x.cancelReason],
      ]),
      x.casusoverleg ? casusoverlegSection(x, isTeamleider) : null,
      nazorgSection(x, nazorg, sender && nazorgOpen, isTeamleider && atSender && nazorgOpen),
      x.warmHandoverRequired ? warmSection(x, sender, warmOpen) : null,
      x.signalen?.length ? h('section', { 'aria-labelledby': 'kop-signalen' }, h('h2', { id: 'kop-signalen' }, 'Signalen die meereizen'),
        table('Signalen', [['Factor', (s) => KWETSBAARHEID[s.factor] ?? '–'], ['Waarneming', (s) => s.note], ['Door', (s) => s.recordedBy]], x.signalen)) : null,
      sender ? h('section', { 'aria-labelledby': 'kop-verzenden' },
        h('h2', { id: 'kop-verzenden' }, 'Overdragen'),
        nazorg.unmetRule ? alert('info', h('p', { 'data-testid': 'nog-niet-overdragen' }, RULES[nazorg.unmetRule] ?? `Nog niet over te dragen: aan de regel "${nazorg.unmetRule}" is niet voldaan.`)) : null,
        h('div', { class: 'actions' }, button('Overdragen', () => act('verzenden', 'transfer', {}, 'Het dossier is overgedragen. De ontvanger accepteert het of stuurt het met een reden terug.'))),
        region('verzenden'),
        cancelForm((values) => act('intrekken', 'cancel', values, 'De overdracht is ingetrokken. Het dossier blijft bij uw organisatieonderdeel.')),
        region('intrekken')) : null,
      receiver ? h('section', { 'aria-labelledby': 'kop-ontvangen' },
        h('h2', { id: 'kop-ontvangen' }, 'Ontvangen'),
        h('div', { class: 'actions' }, button('Accepteren', () => act('ontvangen', 'accept', {}, 'U heeft de overdracht geaccepteerd. Het dossier is nu van uw organisatieonderdeel.'))),
        region('ontvangen'),
        returnForm((values) => act('terugsturen', 'return', values, 'De overdracht is teruggestuurd met uw reden.')),
        region('terugsturen')) : null,
      h('section', { 'aria-labelledby': 'kop-geschiedenis' },
        h('h2', { id: 'kop-geschiedenis' }, 'Geschiedenis'),
        historyTable(x.history)));
  }

  function casusoverlegSection(x, isTeamleider) {
    const held = x.casusoverlegOutcome
      ? facts([['Uitkomst', x.casusoverlegOutcome], ['Vastgelegd door', x.casusoverlegBy], ['Op', dateTime(x.casusoverlegAt)]])
      : alert('error', 'Dit dossier ging al vaker heen en weer: bespreek het in het casusoverleg. De uitkomst is nog niet vastgelegd.');
    return h('section', { 'aria-labelledby': 'kop-casusoverleg' },
      h('h2', { id: 'kop-casusoverleg' }, 'Casusoverleg'),
      held,
      region('casusoverleg'),
      isTeamleider && !x.casusoverlegOutcome
        ? casusoverlegForm((values) => act('casusoverleg', 'casusoverleg', values, 'De uitkomst van het casusoverleg is vastgelegd.')) : null);
  }

  function nazorgSection(x, nazorg, canCall, canOverride) {
    const overridden = nazorg.overridden
      ? `doorbroken door ${nazorg.overriddenBy || 'de teamleider'}${nazorg.overriddenAt ? ` op ${dateTime(nazorg.overriddenAt)}` : ''}${nazorg.overrideReason ? `: ${nazorg.overrideReason}` : ''}`
      : '';
    return h('section', { 'aria-labelledby': 'kop-nazorg' },
      h('h2', { id: 'kop-nazorg' }, 'Nazorg'),
      facts([
        ['Nodig', yesNo(nazorg.required)], ['Gedaan', overridden || yesNo(nazorg.done)],
        ['Onbeantwoorde belpogingen', String(nazorg.unansweredAttempts ?? 0)],
        ['Brief of e-mail gestuurd', yesNo(nazorg.writtenMessage)],
      ]),
      nazorg.required ? callsTable(nazorg.calls) : null,
      // One region for the section's results: it stays when the forms go because the nazorg is done.
      region('nazorg'),
      canCall ? [
        nazorgForm((values) => act('nazorg', 'nazorg-attempts', values, 'De belpoging is vastgelegd.')),
        writtenMessage(nazorg, (channel, success) => act('nazorg', 'written-messages', { channel }, success)),
      ] : null,
      canOverride ? overrideForm((values) => act('nazorg', 'nazorg-override', values, 'De nazorg is doorbroken; de reden is vastgelegd.')) : null);
  }

  function warmSection(x, sender, open) {
    const mayConfirm = open && x.receivingColleague && x.receivingColleague.toLowerCase() === String(session.sub ?? '').toLowerCase()
      && ['requested', 'nazorg-pending', 'ready', 'returned'].includes(x.state);
    const stand = x.warmHandoverConfirmed ? `bevestigd door ${x.receivingColleague}`
      : x.receivingColleague ? `afgesproken met ${x.receivingColleague}, wacht op diens bevestiging` : 'nog geen ontvangende collega aangewezen';
    return h('section', { 'aria-labelledby': 'kop-warm' },
      h('h2', { id: 'kop-warm' }, 'Warme overdracht'),
      h('p', {}, 'Deze cliënt is kwetsbaar: een collega van het ontvangende organisatieonderdeel maakt eerst persoonlijk kennis.'),
      facts([['Stand', stand]]),
      region('warm'),
      sender && open ? arrangeWarmForm(x.receivingColleague, (values) => act('warm', 'warm-handover', values, 'De ontvangende collega is aangewezen.')) : null,
      mayConfirm ? h('div', { class: 'actions' }, button('Kennismaking bevestigen', () => act('warm', 'warm-handover/confirm', {}, 'U heeft de warme overdracht bevestigd.'))) : null);
  }

  try {
    current = (await get(path)).handover;
    draw();
  } catch (error) {
    replace(body, alert('error', error.message));
  }
}
