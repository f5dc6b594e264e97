// Login: the demo users of the development issuer locally; the organisation's sign-in (on the gateway) in production.
import { h, alert, append } from '../dom.js';
import { devUsers, devLogin, startBffLogin, takeMessage } from '../auth.js';
import { ROLE_NAMES } from '../format.js';

const HOME = { manager: '#/dashboard', 'privacy-officer': '#/audit' };

export async function render(main, _params, { config, navigate }) {
  append(main, h('h1', {}, 'Inloggen'));
  const message = takeMessage();
  if (message) main.append(alert('info', message));

  if (config.login === 'bff') {
    main.append(
      h('p', { class: 'lead' }, 'U logt in met uw UWV-account.'),
      h('button', { type: 'button', class: 'utrecht-button utrecht-button--primary-action', onclick: () => startBffLogin() }, 'Inloggen met UWV-account'));
    return;
  }
  if (config.login !== 'dev') {
    main.append(alert('error', 'Inloggen is op deze omgeving niet ingericht. Neem contact op met de functioneel beheerder.'));
    return;
  }

  main.append(h('p', { class: 'lead' }, 'Ontwikkelomgeving: kies een demo-medewerker. Elke rol van elk Arnhems gebiedsteam is er één keer.'));
  let users;
  try {
    users = await devUsers();
  } catch (error) {
    main.append(alert('error', error.message));
    return;
  }
  const groups = new Map();
  for (const user of users) {
    const teamName = (config.teams ?? []).find((t) => t.id === user.team)?.name ?? user.team;
    const team = user.team === '*' ? 'Regio Gelderland Midden' : `Gebiedsteam ${teamName}`;
    if (!groups.has(team)) groups.set(team, []);
    groups.get(team).push(user);
  }
  const error = h('div', { 'aria-live': 'assertive' });
  main.append(error);
  for (const [team, members] of groups) {
    main.append(h('h2', {}, team), h('ul', { class: 'login-list' }, members.map((user) =>
      h('li', {}, h('button', {
        type: 'button',
        class: 'utrecht-button utrecht-button--secondary-action',
        'data-user': user.userName,
        onclick: async () => {
          try {
            const session = await devLogin(user.userName);
            navigate(HOME[session.role] ?? '#/werkvoorraad');
          } catch (e) {
            error.replaceChildren(alert('error', e.message));
          }
        },
      }, `${ROLE_NAMES[user.role] ?? user.role}: ${user.displayName.split(' (')[0]}`)))));
  }
}
