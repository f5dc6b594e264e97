// The groups of the client picture, each a section with a table; a group the API did not return is not shown.
import { h, table, link, button, replace, alert, facts } from '../dom.js';
import { get, post } from '../api.js';
import {
  date, dateTime, divisionShort, dossierStatus, handoverState, euro, yesNo, enumText, KWETSBAARHEID, AO_KLASSEN, BEOORDELING_TYPES,
  DIVISION_OF_CLAIM, DIVISION_API,
} from '../format.js';

const SMZ_ROLES = ['verzekeringsarts', 'arbeidsdeskundige', 'procesbegeleider'];

function group(id, title, rows, columns, intro) {
  if (!rows?.length) return null;
  return h('section', { 'aria-labelledby': `kop-${id}` },
    h('h2', { id: `kop-${id}` }, title),
    intro ? h('p', {}, intro) : null,
    table(title, columns, rows, 'Geen gegevens.', { hideCaption: true }));
}

/** SMZ only: the beoordeling itself; medical notes arrive for medical roles only (the server decides). */
function beoordelingDetails(b, purpose) {
  const target = h('div', { 'aria-live': 'polite' });
  const open = async () => {
    try {
      const { beoordeling } = await get(`/api/v1/smz/beoordelingen/${b.beoordelingId}`, purpose);
      replace(target, facts([
        ['Type', BEOORDELING_TYPES[beoordeling.type] ?? enumText(beoordeling.type, 'BEOORDELING_TYPE_')],
        ['AO-klasse', AO_KLASSEN[beoordeling.aoKlasse] ?? enumText(beoordeling.aoKlasse, 'AO_KLASSE_')],
        ['AO-percentage', beoordeling.aoPercentage === undefined ? '' : `${beoordeling.aoPercentage}%`],
        ['Vastgelegd door', beoordeling.recordedBy],
      ]), beoordeling.medicalNotes
        ? h('div', { class: 'medical' }, h('h3', {}, 'Medische aantekeningen (medisch beroepsgeheim)'), h('p', {}, beoordeling.medicalNotes))
        : null);
    } catch (error) {
      replace(target, alert('error', error.message));
    }
  };
  return h('div', {}, button('Details', open, 'secondary', { 'aria-label': `Details beoordeling van ${date(b.decisionDate)}` }), target);
}

/**
 * "Aan mij toewijzen": an employee of the dossier's division takes it as their own (it then shows under "alleen mijn
 * werk"), on the dossier's version as it is now; the result or refusal is announced next to the button.
 */
function assignToMe(d, session, reload) {
  if (d.status === 'closed' || d.division !== DIVISION_OF_CLAIM[session.division] || d.ownerEmployee === session.sub) return '–';
  const feedback = h('span', { 'aria-live': 'polite' });
  const api = DIVISION_API[d.division];
  return h('div', {}, button('Aan mij toewijzen', async (e) => {
    e.target.disabled = true;
    try {
      const { dossier } = await get(`/api/v1/${api}/dossiers/${d.dossierId}`);
      await post(`/api/v1/${api}/dossiers/${d.dossierId}/assign-to-me`, { expectedVersion: dossier?.version });
      replace(feedback, alert('ok', 'Het dossier is aan u toegewezen.'));
      setTimeout(() => reload('Het dossier is aan u toegewezen. Het staat nu onder "alleen mijn werk".'), 800);
    } catch (error) {
      replace(feedback, alert('error', error.message));
      e.target.disabled = false;
    }
  }, 'secondary', { 'aria-label': `Dossier ${divisionShort(d.division)} van ${date(d.openedAt)} aan mij toewijzen` }), feedback);
}

export function renderGroups(p, { session, purpose, reload }) {
  const handovers = [...(p.openHandovers ?? []).map((o) => ({ ...o, open: true })),
    ...(p.handovers ?? []).filter((x) => !(p.openHandovers ?? []).some((o) => o.handoverId === x.handoverId))];
  return h('div', { class: 'groups' },
    group('signalen', 'Signalen', p.kwetsbaarheidSignalen, [
      ['Factor', (s) => KWETSBAARHEID[s.factor] ?? '–'], ['Waarneming', (s) => s.note], ['Door', (s) => s.recordedBy], ['Wanneer', (s) => dateTime(s.recordedAt)],
    ], 'Waarnemingen over de situatie van de cliënt, met toestemming vastgelegd. Geen score en geen label: ze helpen de volgende collega.'),
    group('overdrachten', 'Overdrachten', handovers, [
      ['Van', (x) => divisionShort(x.fromDivision)], ['Naar', (x) => divisionShort(x.toDivision)],
      ['Stand', (x) => handoverState(x.state)], ['Aangevraagd', (x) => dateTime(x.requestedAt)],
      ['Deadline', (x) => (x.dueAt ? dateTime(x.dueAt) : '–')],
      ['Actie', (x) => link(`#/overdrachten/${x.handoverId}`, 'Overdracht openen')],
    ]),
    group('dossiers', 'Dossiers', p.dossiers, [
      ['Onderdeel', (d) => divisionShort(d.division)], ['Status', (d) => dossierStatus(d.status)], ['Team', (d) => d.ownerTeam],
      ['Behandelaar', (d) => d.ownerEmployee || '–'], ['Geopend', (d) => dateTime(d.openedAt)],
      ['Toewijzen', (d) => assignToMe(d, session, reload)],
    ]),
    group('beoordelingen', 'Beoordelingen (uitkomst)', p.beoordelingen, [
      ['Type', (b) => b.type], ['AO-klasse', (b) => b.aoKlasse], ['Mogelijkheden (FML)', (b) => b.fmlSummary], ['Besluit', (b) => date(b.decisionDate)],
      ...(SMZ_ROLES.includes(session.role) ? [['Details', (b) => beoordelingDetails(b, purpose)]] : []),
    ]),
    group('uitkeringen', 'Uitkeringen', p.uitkeringen, [
      ['Soort', (u) => u.type], ['Van', (u) => date(u.startDate)], ['Tot', (u) => date(u.endDate)],
      ['Per maand', (u) => euro(u.monthlyAmountCents)], ['Loopt nu', (u) => yesNo(u.current)],
    ], (p.uitkeringen ?? []).filter((u) => u.current).length > 1 ? 'Let op: samenloop, meer dan één uitkering tegelijk.' : null),
    group('voorschotten', 'Voorschotten', p.voorschotten, [
      ['Status', (v) => v.status], ['Vanaf', (v) => date(v.startDate)], ['Per maand', (v) => euro(v.monthlyAmountCents)],
      ['Onbeantwoorde belpogingen', (v) => v.unansweredCalls ?? 0], ['E-mail gestuurd', (v) => date(v.emailSentOn)],
    ]),
    group('terugvorderingen', 'Terugvorderingen', p.terugvorderingen, [
      ['Bedrag', (t) => euro(t.amountCents)], ['Reden', (t) => t.reason], ['Vastgelegd', (t) => date(t.recordedOn)],
    ]),
    group('terugbelverzoeken', 'Terugbelverzoeken', p.terugbelverzoeken, [
      ['Onderdeel', (t) => divisionShort(t.division)], ['Onderwerp', (t) => t.subject], ['WW-vraag', (t) => yesNo(t.wwQuestion)],
      ['Terugbellen vóór', (t) => h('span', { class: t.overdue ? 'overdue' : '' }, dateTime(t.dueAt), t.overdue ? ' (te laat)' : '')],
      ['Afgehandeld', (t) => dateTime(t.completedAt)],
    ]),
    group('contacten', 'Contacten', p.contacts, [
      ['Wanneer', (c) => dateTime(c.contactAt)], ['Onderdeel', (c) => divisionShort(c.division)], ['Kanaal', (c) => enumText(c.channel, 'CONTACT_CHANNEL_')],
      ['Onderwerp', (c) => c.subject], ['Bereikt', (c) => yesNo(c.reached)],
    ]),
    group('bezwaren', 'Bezwaren', p.bezwaren, [
      ['Tegen besluit van', (b) => divisionShort(b.decisionDivision)], ['Ontvangen', (b) => date(b.receivedOn)],
      ['Beslistermijn tot', (b) => (b.beslistermijnEndsOn ? date(b.beslistermijnEndsOn) : 'opgeschort')], ['Status', (b) => b.status],
      ['Contact vóór', (b) => date(b.contactDueOn)], ['Dwangsom vanaf', (b) => date(b.dwangsomFrom)],
      ...(['jurist', 'teamleider'].includes(session.role) ? [['Behandelen', (b) => link(`#/bezwaren/${b.bezwaarId}`, 'Bezwaar openen')]] : []),
    ]),
    group('herbeoordelingsverzoeken', 'Herbeoordelingsverzoeken', p.herbeoordelingsverzoeken, [
      ['Stand', (v) => v.state], ['Geopend', (v) => dateTime(v.openedAt)], ['Beantwoord', (v) => dateTime(v.answeredAt)],
      ['AO% gewijzigd', (v) => yesNo(v.aoChanged)], ['Uitkomst', (v) => v.outcome || '–'],
    ]),
    group('trajecten', 'Re-integratietrajecten', p.reintegratietrajecten, [
      ['Fase', (t) => t.phase], ['Doelen', (t) => t.doelen ?? 0], ['Afspraken', (t) => t.afspraken ?? 0],
    ]),
    group('herkeuringen', 'Herkeuringsaanvragen', p.herkeuringsaanvragen, [
      ['Ontvangen', (x) => date(x.receivedOn)], ['Bellen vóór', (x) => date(x.callDueOn)], ['Gebeld', (x) => date(x.calledOn)],
      ['Te laat', (x) => yesNo(x.late)],
    ]),
    group('verhuizingen', 'Verhuizingen', p.moves, [
      ['Wanneer', (m) => dateTime(m.movedAt)], ['Van', (m) => `${m.oldPostcode} (${m.oldAreaTeam})`], ['Naar', (m) => `${m.newPostcode} (${m.newAreaTeam})`],
    ]));
}
