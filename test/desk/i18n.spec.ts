import { UserSettingsOutput } from '../../apps/api/src/auth/me-settings.controller';
import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient, visibleText } from './support/desk-client';

const LANGUAGE_COOKIE = '__Host-chancery-language';
const lang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

describe('the desk in the official’s language', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('is in English for a browser that asks for nothing else, and in Russian for one that asks for it', async () => {
    const plain = await new DeskClient(api).get('/desk/login');
    expect(lang(plain.html)).toBe('en');
    expect(visibleText(plain.html)).toContain('Sign in to Chancery');

    const russian = new DeskClient(api);
    russian.headers['accept-language'] = 'ru-RU,ru;q=0.9,en;q=0.8';
    const page = await russian.get('/desk/login');
    expect(lang(page.html)).toBe('ru');
    expect(visibleText(page.html)).toContain('Вход в Chancery');
    expect(visibleText(page.html)).not.toContain('Sign in');
    const refused = await russian.post('/desk/login', {
      email: 'delegate.kaz@demo.local',
      password: 'not the password',
    });
    expect(refused.status).toBe(401);
    expect(visibleText(refused.html)).toContain('Неверный адрес электронной почты или пароль.');
  });

  it('keeps the switch’s choice before signing in (a cookie) and returns to the same page', async () => {
    const desk = new DeskClient(api);
    desk.headers['accept-language'] = 'ru';
    await desk.get('/desk/login?next=%2Fdesk%2Fdrafts');
    const switched = await desk.post('/desk/language', {
      language: 'en',
      returnTo: '/desk/login?next=%2Fdesk%2Fdrafts',
    });
    expect(switched.status).toBe(303);
    expect(switched.location).toBe('/desk/login?next=%2Fdesk%2Fdrafts');
    expect(switched.headers.getSetCookie().join()).toMatch(/__Host-chancery-language=en;.*Secure/i);
    expect(lang((await desk.get('/desk/login')).html)).toBe('en');

    // Another site is no page to return to, and an unknown language changes nothing.
    const away = await desk.post('/desk/language', {
      language: 'xx',
      returnTo: 'https://elsewhere.example/desk',
    });
    expect(away.location).toBe('/desk/login');
    expect(desk.cookie(LANGUAGE_COOKIE)).toBe('en');
    // Without its CSRF token the switch is refused like any form.
    const forged = await desk.post('/desk/language', { language: 'ru' }, { csrf: null });
    expect(forged.status).toBe(403);
  });

  it('saves a signed-in official’s choice for the desk and for mail, over the browser’s', async () => {
    const desk = new DeskClient(api);
    desk.headers['accept-language'] = 'en-GB';
    await desk.signIn('delegate.kaz@demo.local');
    const token = await api.login('delegate.kaz@demo.local');
    expect((await api.request('GET', '/api/me/settings', { token })).body).toEqual({
      language: null,
      timeZone: 'UTC',
      languages: ['en', 'ru'],
    });
    const switched = await desk.post('/desk/language', {
      language: 'ru',
      returnTo: '/desk/drafts?status=UNDER_SOC_REVIEW',
    });
    expect(switched.location).toBe('/desk/drafts?status=UNDER_SOC_REVIEW');
    const drafts = await desk.get(switched.location!);
    expect(lang(drafts.html)).toBe('ru');
    expect(visibleText(drafts.html)).toContain('На рассмотрении');
    const settings = await api.request('GET', '/api/me/settings', {
      token,
      as: UserSettingsOutput.schema,
    });
    expect(settings.body.language).toBe('ru');
  });

  it('refuses a time zone Intl does not know, on the settings page, in the page’s language', async () => {
    const desk = new DeskClient(api);
    desk.headers['accept-language'] = 'ru';
    await desk.signIn('delegate.aze@demo.local');
    await desk.get('/desk/settings');
    const refused = await desk.post('/desk/settings', { language: 'ru', timeZone: 'Mars/Olympus' });
    expect(refused.status).toBe(422);
    expect(visibleText(refused.html)).toContain('Неизвестный часовой пояс');
    const saved = await desk.post('/desk/settings', { language: 'ru', timeZone: 'Europe/Moscow' });
    expect(saved.location).toBe('/desk/settings?done=saved');
    const page = await desk.get('/desk/settings?done=saved');
    expect(visibleText(page.html)).toContain('Настройки сохранены.');
    expect(visibleText(page.html)).toContain('Europe/Moscow');
  });
});

describe('PUT /api/me/settings', () => {
  let api: TestApp;
  let token: string;
  beforeAll(async () => {
    api = await startTestApp();
    token = await api.login('delegate.ind@demo.local');
  });
  afterAll(() => api.close());

  const put = (body: unknown, auth = true) =>
    api.request('PUT', '/api/me/settings', { token: auth ? token : undefined, body });

  it('changes what is given, keeps the rest, and names zones canonically', async () => {
    const first = await put({ timeZone: 'asia/almaty' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      language: null,
      timeZone: 'Asia/Almaty',
      languages: ['en', 'ru'],
    });
    const second = await put({ language: 'ru' });
    expect(second.body).toMatchObject({ language: 'ru', timeZone: 'Asia/Almaty' });
  });

  it('answers problem+json naming the field for a value it cannot take', async () => {
    const zone = await put({ timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(422);
    expect(zone.headers.get('content-type')).toContain('application/problem+json');
    expect(zone.body).toMatchObject({ code: 'UNKNOWN_TIME_ZONE', field: 'timeZone' });
    const language = await put({ language: 'de' });
    expect(language.status).toBe(422);
    expect(language.body).toMatchObject({
      code: 'UNKNOWN_LANGUAGE',
      field: 'language',
      facts: { languages: ['en', 'ru'] },
    });
    const unknownField = await put({ locale: 'ru' });
    expect(unknownField.status).toBe(400);
    const wrongType = await put({ timeZone: 3 });
    expect(wrongType.status).toBe(400);
    expect((await put({ language: 'ru' }, false)).status).toBe(401);
  });
});
