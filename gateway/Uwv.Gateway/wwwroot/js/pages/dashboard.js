// The manager's flow dashboard: aggregates only (no client ever appears), filterable by area team and period.
import { h, append, replace, alert, field, select, input, newestOnly } from '../dom.js';
import { get } from '../api.js';
import { isoDay, number, percent, euro } from '../format.js';
import { disposeCharts } from '../charts.js';
import { flowCharts, bezwaarCharts } from './dashboard-charts.js';
import { measureCharts, complianceOf, leadTimeOverall, BESLISTERMIJN, TERUGBELVERZOEK } from './dashboard-measures.js';

function kpi(label, value, note) {
  return h('div', { class: 'kpi', 'data-kpi': label }, h('p', { class: 'kpi__label' }, label), h('p', { class: 'kpi__value' }, value), note ? h('p', { class: 'kpi__note' }, note) : null);
}

function tiles(d) {
  const handovers = (d.handovers ?? []).reduce((sum, p) => sum + Number(p.count ?? 0), 0);
  const latency = d.acceptanceLatency ?? {};
  const compliance = d.nazorgCompliance ?? {};
  const pingPong = d.pingPong ?? {};
  const returned = d.returned ?? {};
  const ftr = d.firstTimeRight ?? {};
  const esc = d.escalations ?? {};
  const unaccepted = d.unaccepted ?? {};
  const hbv = d.herbeoordelingsverzoeken ?? {};
  const reintegratie = d.reintegratieOwners ?? {};
  const perTeam = (reintegratie.byTeam ?? []).map((t) => `${t.areaTeam}: ${number(t.count)}`).join('; ');
  const lead = leadTimeOverall(d);
  const norms = d.normCompliance ?? [];
  const callback = complianceOf(norms.filter((c) => c.norm === TERUGBELVERZOEK));
  const medisch = complianceOf(norms.filter((c) => c.norm === BESLISTERMIJN && c.category === 'medisch'));
  const target = Number(norms.find((c) => c.norm === BESLISTERMIJN)?.target ?? 0.958);
  const normEscalations = d.normEscalations ?? [];
  const escalated = (pick) => normEscalations.reduce((sum, e) => sum + Number(pick(e) ?? 0), 0);
  return h('div', { class: 'cards', 'data-testid': 'kpi-tegels' },
    kpi('Overdrachten', number(handovers), 'tussen organisatieonderdelen in de periode'),
    kpi('Doorlooptijd p85', `${number(lead.p85OfficeHours, 2)} uur`, `p50: ${number(lead.p50OfficeHours, 2)} kantooruren van aanvraag tot acceptatie; ${number(lead.accepted)} geaccepteerd`),
    kpi('Acceptatie p50', `${number(latency.p50OfficeHours, 1)} uur`, `p85: ${number(latency.p85OfficeHours, 1)} kantooruren; ${number(latency.accepted)} geaccepteerd`),
    kpi('Nazorg vóór overdracht', percent(compliance.compliance), `${number(compliance.nazorgDoneBeforeTransfer)} van ${number(compliance.nazorgRequired)}; ${number(compliance.overridden)} keer doorbroken`),
    kpi('Ping-pong', percent(pingPong.rate), `${number(pingPong.dossiersWithPingPong)} dossiers; ${number(pingPong.casusoverlegFlags)} naar casusoverleg`),
    kpi('Teruggestuurd', percent(returned.rate), `${number(returned.returned)} van ${number(returned.transferred)} overdrachten`),
    kpi('First time right', percent(ftr.share), `${number(ftr.firstTimeRight)} van ${number(ftr.dossiersHandedOver)} dossiers`),
    kpi('Escalaties', number(esc.fired), `overdrachten: ${number(esc.resolved)} opgelost, ${number(esc.stillOpen)} open`),
    kpi('Escalaties alle normen', number(escalated((e) => e.fired)), `${number(escalated((e) => e.resolved))} opgelost, ${number(escalated((e) => e.stillOpen))} open`),
    kpi('Terugbelverzoek binnen norm', percent(callback.share), `${number(callback.met)} van ${number(callback.counted)}`),
    kpi('Bezwaar medisch op tijd beslist', percent(medisch.share), `${number(medisch.met)} van ${number(medisch.counted)}; norm ${percent(target)}`),
    kpi('Niet geaccepteerd na termijn', number(unaccepted.openPastSla), `dossiers zonder eigenaar: ${number(unaccepted.dossiersWithoutOwner)}`),
    kpi('Herbeoordelingsverzoeken', number(hbv.opened), `${number(hbv.answered)} beantwoord; AO% gewijzigd bij ${percent(hbv.shareAoChanged)}`),
    kpi('WGA-cliënten zonder re-integratie-eigenaar', number(reintegratie.wgaClientsWithoutOwner), `doel: 0${perTeam ? `; ${perTeam}` : ''}`));
}

export async function render(main, _params, { session, config }) {
  disposeCharts();
  const ownTeamOnly = session.role === 'teamleider';
  const today = new Date();
  const from = new Date(today.getTime() - 29 * 86400000);
  const teams = config.teams ?? [];
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  const begin = newestOnly(results);
  const form = h('form', { class: 'form-grid', 'aria-label': 'Filters dashboard', onsubmit: (e) => { e.preventDefault(); load(); } },
    ownTeamOnly
      ? h('p', {}, `Gebiedsteam: ${session.team}`)
      : field('Gebiedsteam', select('areaTeam', [['', 'Alle gebiedsteams'], ...teams.map((t) => [t.id, t.name])])),
    field('Van', input('fromDate', { type: 'date', value: isoDay(from), required: true })),
    field('Tot en met', input('toDate', { type: 'date', value: isoDay(today), required: true })),
    h('div', {}, h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, 'Toon')));

  async function load() {
    const settle = begin();
    const areaTeam = ownTeamOnly ? session.team : form.elements.areaTeam.value;
    const filter = { areaTeam, fromDate: form.elements.fromDate.value, toDate: form.elements.toDate.value };
    const [kpis, exposure] = await Promise.allSettled([
      get('/api/v1/handover-kpis/dashboard', filter),
      get('/api/v1/bezwaarberoep/dwangsom-exposure', { areaTeam }),
    ]);
    if (!settle()) return;
    disposeCharts();
    const parts = [];
    if (kpis.status === 'fulfilled') {
      const d = kpis.value.dashboard ?? {};
      parts.push(tiles(d), ...flowCharts(d), h('h2', {}, 'Normen en doorlooptijden'), ...measureCharts(d));
    } else {
      parts.push(alert('error', `De overdrachtscijfers zijn niet beschikbaar: ${kpis.reason.message}`));
    }
    if (exposure.status === 'fulfilled') {
      const t = exposure.value.total ?? {};
      parts.push(h('h2', {}, 'Bezwaar: termijnen en dwangsommen'), h('div', { class: 'cards' },
        kpi('Open bezwaren', number(t.openBezwaren)), kpi('Over de beslistermijn', number(t.pastBeslistermijn)),
        kpi('Dwangsom opgelopen', euro(t.accruedCents), `${number(t.dwangsomRunning)} lopende dwangsommen`),
        kpi('Dwangsom nog mogelijk', euro(t.stillPossibleCents), 'als niet op tijd wordt beslist')),
      ...bezwaarCharts(exposure.value.teams ?? []));
    } else {
      parts.push(alert('error', `De bezwaarcijfers zijn niet beschikbaar: ${exposure.reason.message}`));
    }
    replace(results, parts);
  }

  append(main, h('h1', {}, 'Dashboard overdrachten'),
    h('p', { class: 'lead' }, 'Hoe het werk tussen SMZ, Werkbedrijf, Uitkeren en Bezwaar en Beroep stroomt. Alleen totalen: geen personen.'),
    form, results);
  await load();
}
