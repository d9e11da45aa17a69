import { NOTICE_KINDS } from '@chancery/domain';
import { MailTemplateRegistry } from './mail-template-registry';
import { TemplateError } from './template-error';

const data = {
  kind: 'silence-started',
  title: 'Silence procedure on CICA/SOC/2024/3',
  symbol: 'CICA/SOC/2024/3',
  draftTitle: 'Rights & <duties>',
  revision: 3,
  deadlineLocal: '20 December 2024 at 20:00 (Asia/Almaty)',
  deadlineUtc: '20 December 2024 at 15:00 (UTC)',
  objectors: null,
  method: null,
  meeting: null,
  proposedBy: null,
  recipient: { name: 'A. Delegate', state: 'Kazakhstan' },
  links: { draft: 'http://desk/d/1', inbox: 'http://desk/inbox', settings: 'http://desk/s' },
};

const sources = (template: string) => ({
  templates: { 'notice.text': template, 'notice.html': `<p>${template}</p>` },
  partials: {},
});

describe('mail templates', () => {
  it('renders every notice kind in both languages from templates/, text as typed and HTML escaped', async () => {
    const registry = await MailTemplateRegistry.load(NOTICE_KINDS);
    for (const language of ['en', 'ru'] as const) {
      for (const kind of NOTICE_KINDS) {
        const mail = registry.render(kind, language, { ...data, kind });
        expect(mail.text).toContain('CICA/SOC/2024/3');
        expect(mail.html).toContain('http://desk/d/1');
      }
    }
    const en = registry.render('silence-started', 'en', data);
    expect(en.text).toContain('"Rights & <duties>"');
    expect(en.text).toContain('20 December 2024 at 20:00 (Asia/Almaty)');
    expect(en.html).toContain('Rights &amp; &lt;duties&gt;');
    expect(en.html).not.toContain('<duties>');
    expect(registry.render('silence-started', 'ru', data).text).toContain('процедуру умолчания');
  });

  it('refuses at load a template that does not compile, naming its file and line', () => {
    const broken = { en: sources('Hello\n{{#if symbol}}'), ru: sources('{{symbol}}') };
    expect(() => MailTemplateRegistry.fromSources(['notice'], broken)).toThrow(TemplateError);
    expect(() => MailTemplateRegistry.fromSources(['notice'], broken)).toThrow(
      /mail\/notice\.text/,
    );
  });

  it('refuses unescaped output and a missing format', () => {
    expect(() =>
      MailTemplateRegistry.fromSources(['notice'], {
        en: sources('{{{symbol}}}'),
        ru: sources('{{symbol}}'),
      }),
    ).toThrow(/unescaped output/);
    expect(() =>
      MailTemplateRegistry.fromSources(['notice'], {
        en: { templates: { 'notice.text': 'x' }, partials: {} },
        ru: sources('x'),
      }),
    ).toThrow(/notice\.html\.hbs is missing/);
  });

  it('fails a render whose data lacks a field the template prints (strict), and reads no prototype', () => {
    const registry = MailTemplateRegistry.fromSources(['notice'], {
      en: sources('{{meeting.title}} {{constructor.name}}'),
      ru: sources('x'),
    });
    expect(() => registry.render('notice', 'en', { meeting: {} })).toThrow(TemplateError);
  });
});
