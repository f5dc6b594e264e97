// One handover: nazorg call attempts, why a transfer is refused (in plain Dutch), transfer, accept or return.
import { h, append, replace, alert, facts, link, table, button } from '../dom.js';
import { get, post } from '../api.js';
import { RULES } from '../errors.js';
import { DIVISION_OF_CLAIM, division, dateTime, handoverState, yesNo, KWETSBAARHEID } from '../format.js';
import { nazorgForm, returnForm } from './handover-forms.js';

const SENDER_STATES = ['requested', 'nazorg-pending', 'ready', 'returned'];
const RECEIVER_STATES = ['transferred', 'escalated'];

export async function render(main, [handoverId], { session }) {
  const heading = h('h1', { tabindex: '-1' }, 'Overdracht');
  const feedback = h('div', { 'aria-live': 'assertive', 'data-testid': 'overdracht-melding' });
  const body = h('div', {});
  append(main, heading, feedback, body);
  const path = `/api/v1/handovers/${encodeURIComponent(handoverId)}`;

  /** Runs a command; shows its refusal in plain Dutch, or the new state. */
  async function act(command, body, success) {
    try {
      const { handover } = await post(`${path}/${command}`, { requestId: crypto.randomUUID(), expectedVersion: current.version, ...body });
      current = handover;
      draw();
      replace(feedback, alert('ok', success));
    } catch (error) {
      replace(feedback, alert('error', h('p', { 'data-rule': error.rule ?? '' }, error.message)));
      if (error.code === 10) await refresh();
    }
  }

  let current;
  async function refresh() {
    current = (await get(path)).handover;
    draw();
  }

  function draw() {
    const x = current;
    const own = DIVISION_OF_CLAIM[session.division];
    const isTeamleider = session.role === 'teamleider';
    const sender = (isTeamleider || own === x.fromDivision) && SENDER_STATES.includes(x.state);
    const receiver = (isTeamleider || own === x.toDivision) && RECEIVER_STATES.includes(x.state);
    const nazorg = x.nazorg ?? {};
    replace(heading, `Overdracht ${division(x.fromDivision)} → ${division(x.toDivision)}`);
    replace(body,
      h('p', { class: 'status-banner', 'data-testid': 'overdracht-stand' }, `Stand: ${handoverState(x.state)}`),
      facts([
        ['Cliënt', link(`#/clienten/${x.clientId}`, 'Klantbeeld openen')],
        ['Reden', x.reason], ['Aangevraagd door', x.requestedBy], ['Aangevraagd op', dateTime(x.requestedAt)],
        ['Deadline', x.dueAt ? dateTime(x.dueAt) : ''], ['Escalatie', x.escalationLevel ? (x.escalationLevel === 1 ? 'teamleider' : 'manager') : ''],
        ['Warme overdracht nodig', x.warmHandoverRequired ? 'ja' : ''], ['Open vragen', x.openQuestions], ['Uit de nazorg', x.nazorgNotes],
        ['Teruggestuurd omdat', x.returnReason], ['Ingetrokken omdat', x.cancelReason],
      ]),
      x.casusoverleg ? alert('error', 'Dit dossier ging al vaker heen en weer: bespreek het in het casusoverleg.') : null,
      h('section', { 'aria-labelledby': 'kop-nazorg' },
        h('h2', { id: 'kop-nazorg' }, 'Nazorg'),
        facts([
          ['Nodig', yesNo(nazorg.required)], ['Gedaan', nazorg.overridden ? 'doorbroken door teamleider' : yesNo(nazorg.done)],
          ['Belpogingen', String(nazorg.attempts ?? 0)], ['Onbeantwoord', String(nazorg.unansweredAttempts ?? 0)],
          ['Brief of e-mail gestuurd', yesNo(nazorg.writtenMessage)],
        ]),
        nazorg.unmetRule ? alert('info', h('p', { 'data-testid': 'nog-niet-overdragen' }, RULES[nazorg.unmetRule] ?? `Nog niet over te dragen: aan de regel "${nazorg.unmetRule}" is niet voldaan.`)) : null),
      x.signalen?.length ? h('section', { 'aria-labelledby': 'kop-signalen' }, h('h2', { id: 'kop-signalen' }, 'Signalen die meereizen'),
        table('Signalen', [['Factor', (s) => KWETSBAARHEID[s.factor] ?? '–'], ['Waarneming', (s) => s.note], ['Door', (s) => s.recordedBy]], x.signalen)) : null,
      sender ? h('section', { 'aria-labelledby': 'kop-verzenden' },
        h('h2', { id: 'kop-verzenden' }, 'Nazorg vastleggen en overdragen'),
        nazorg.required && !nazorg.done ? nazorgForm((values) => act('nazorg-attempts', values, 'De belpoging is vastgelegd.')) : null,
        (nazorg.unansweredAttempts ?? 0) >= 3 && !nazorg.done
          ? h('div', { class: 'actions' },
            button('Brief gestuurd', () => act('written-messages', { channel: 'WRITTEN_MESSAGE_CHANNEL_LETTER' }, 'De brief is vastgelegd.'), 'secondary'),
            button('E-mail gestuurd', () => act('written-messages', { channel: 'WRITTEN_MESSAGE_CHANNEL_EMAIL' }, 'De e-mail is vastgelegd.'), 'secondary'))
          : null,
        h('div', { class: 'actions' }, button('Overdragen', () => act('transfer', {}, 'Het dossier is overgedragen. De ontvanger accepteert het of stuurt het met een reden terug.')))) : null,
      receiver ? h('section', { 'aria-labelledby': 'kop-ontvangen' },
        h('h2', { id: 'kop-ontvangen' }, 'Ontvangen'),
        h('div', { class: 'actions' }, button('Accepteren', () => act('accept', {}, 'U heeft de overdracht geaccepteerd. Het dossier is nu van uw organisatieonderdeel.'))),
        returnForm((values) => act('return', values, 'De overdracht is teruggestuurd met uw reden.'))) : null);
  }

  try {
    await refresh();
  } catch (error) {
    replace(body, alert('error', error.message));
  }
}
