import Handlebars from 'handlebars';
import { renderDocument, TemplateError, TemplateRegistry } from './index';
import { openDocx, paragraphsOf, textOf } from './testing/docx-inspection';
import { sampleAgenda, sampleHeader } from './testing/meeting-samples';
import { sampleOutcome } from './testing/sample-documents';

let registry: TemplateRegistry;

beforeAll(async () => {
  registry = await TemplateRegistry.load();
});

function templateErrorOf(action: () => unknown): TemplateError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

async function rejectionOf(promise: Promise<unknown>): Promise<TemplateError> {
  const error: unknown = await promise.then(
    () => new Error('expected a TemplateError'),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(TemplateError);
  return error as TemplateError;
}

describe('hostile text in the data', () => {
  const longWord = 'x'.repeat(5000);
  const hostile = [
    '</w:t></w:r><w:r><w:t>injected',
    '<script>alert("x")</script>',
    '{{constructor.constructor "return process"}} {{> letterhead}}',
    '</operative><page-break/><operative>',
    'A & B &amp; C &lt; D "quoted" \'single\' `tick` = equals',
    longWord,
    'مرحبا بالعالم — שלום עולם',
    'Emoji 🇦🇿🇰🇿 👍🏽 ✍️',
  ];
  // Characters XML cannot carry are dropped (or replaced, for a lone surrogate) rather than
  // written into a file Word would refuse to open.
  const unprintable = {
    text: 'bell\u0007 nul\u0000 \uFFFE\uFFFFlone\uD800 end',
    printed: 'bell nul lone\uFFFD end',
  };

  it('comes out as literal text, paragraph for paragraph', async () => {
    const data = sampleOutcome('en', {
      revision: {
        ...sampleOutcome('en').revision,
        operative: [...hostile, unprintable.text].map((text, index) => ({
          id: `op-${index}`,
          text,
        })),
      },
    });
    const docx = await openDocx(await renderDocument(registry, 'outcome-document', 'en', data));

    const operative = paragraphsOf(docx.document).filter((paragraph) =>
      paragraph.xml.includes('<w:pStyle w:val="Operative"/>'),
    );
    expect(operative.map((paragraph) => paragraph.text)).toEqual([...hostile, unprintable.printed]);
    expect(docx.text).toContain(longWord);
    expect(docx.document).not.toContain('<w:t>injected');
    expect(docx.document).not.toContain('<script>');
    expect(docx.document).not.toContain('<w:br w:type="page"/>');
  });

  it('in attributes (the document symbol) stays literal too', async () => {
    const symbol = 'X/"><page-break/>&amp;<symbol a="{{b}}"/>';
    const data = sampleOutcome('en', { header: sampleHeader('en', { symbol }) });
    const docx = await openDocx(await renderDocument(registry, 'outcome-document', 'en', data));

    expect(textOf(docx.headers)).toContain(symbol);
    expect(docx.text).toContain(symbol);
  });

  it('cannot reach prototypes through a template', () => {
    const probe = registry.withTemplate(
      'en',
      'provisional-agenda',
      '<document language="en"><body><p>[{{#with constructor}}{{name}}{{/with}}][{{lookup this "__proto__"}}]</p></body></document>',
    );
    expect(probe.renderMarkup('provisional-agenda', 'en', sampleAgenda())).toContain('<p>[][]</p>');

    const call = registry.withTemplate(
      'en',
      'provisional-agenda',
      '<document language="en"><body><p>{{constructor.name}}</p></body></document>',
    );
    const error = templateErrorOf(() =>
      call.renderMarkup('provisional-agenda', 'en', sampleAgenda()),
    );
    expect(error.templateName).toBe('provisional-agenda');
  });
});

describe('template errors', () => {
  it('a template that does not compile is refused with its name and line', () => {
    const broken =
      '<document language="en">\n<body>\n{{#each items}}\n<p>{{title}}</p>\n</body>\n</document>\n';
    const error = templateErrorOf(() => registry.withTemplate('en', 'provisional-agenda', broken));

    expect(error.templateName).toBe('provisional-agenda');
    expect(error.language).toBe('en');
    expect(error.line).toBe(7);
    expect(error.reason).toMatch(/^syntax error/);
    expect(error.message).toContain('template en/provisional-agenda, line 7');
  });

  it('a field missing from the data fails in strict mode with the line and column of the template', async () => {
    const template =
      '<document language="en">\n<body>\n<title>{{meeting.title}}</title>\n<p>{{meeting.secretGeneral}}</p>\n</body>\n</document>';
    const strict = registry.withTemplate('ru', 'provisional-agenda', template);
    const error = await rejectionOf(
      renderDocument(strict, 'provisional-agenda', 'ru', sampleAgenda('ru')),
    );

    expect(error).toMatchObject({
      templateName: 'provisional-agenda',
      language: 'ru',
      line: 4,
      column: 6,
    });
    expect(error.reason).toContain('"secretGeneral" is not in the data');
  });

  it('an error inside a partial names the partial and its line', async () => {
    const partial =
      '<p style="MeetingInfo">{{meeting.bodyName}}</p>\n<p>{{meeting.rapporteur}}</p>';
    const withPartial = registry.withTemplate('en', 'partials/meeting-heading', partial);
    const error = await rejectionOf(
      renderDocument(withPartial, 'annotated-agenda', 'en', sampleAgenda('en')),
    );

    expect(error).toMatchObject({
      templateName: 'partials/meeting-heading',
      language: 'en',
      line: 2,
    });
  });

  it('unescaped output is refused when the template is loaded', () => {
    const error = templateErrorOf(() =>
      registry.withTemplate(
        'en',
        'outcome-document',
        '<document language="en">\n<body><p>{{{revision.title}}}</p></body></document>',
      ),
    );
    expect(error).toMatchObject({ templateName: 'outcome-document', line: 2 });
    expect(error.reason).toContain('unescaped output');
    expect(() =>
      registry.withTemplate(
        'en',
        'outcome-document',
        '<document language="en"><body><p>{{& revision.title}}</p></body></document>',
      ),
    ).toThrow(TemplateError);
  });

  it('an unknown helper, partial, markup element or attribute is refused at load with its line', () => {
    const cases: [string, RegExp, number][] = [
      [
        '<document language="en">\n<body><p>{{shout meeting.title}}</p></body></document>',
        /unknown helper shout/,
        2,
      ],
      [
        '<document language="en">\n<body>\n{{> signature-block}}</body></document>',
        /no partial "signature-block"/,
        3,
      ],
      [
        '<document language="en">\n<body>\n\n<paragraph>x</paragraph></body></document>',
        /unknown markup element <paragraph>/,
        4,
      ],
      [
        '<document language="en">\n<body><p styel="Note">x</p></body></document>',
        /unknown attribute "styel" on <p>/,
        2,
      ],
    ];
    for (const [source, reason, line] of cases) {
      const error = templateErrorOf(() => registry.withTemplate('en', 'list-of-documents', source));
      expect(error.reason).toMatch(reason);
      expect({ reason: error.reason, line: error.line }).toMatchObject({ line });
    }
  });

  it('markup the template produces from the data is checked too, and blamed on the template', async () => {
    const template =
      '<document language="en"><body><p style="{{meeting.bodyCode}}">x</p></body></document>';
    const dynamic = registry.withTemplate('en', 'provisional-agenda', template);
    const error = await rejectionOf(
      renderDocument(dynamic, 'provisional-agenda', 'en', sampleAgenda('en')),
    );

    expect(error).toMatchObject({
      templateName: 'provisional-agenda',
      language: 'en',
      inMarkup: true,
      line: 1,
    });
    expect(error.reason).toContain('unknown paragraph style "CFM"');
  });

  it('only text is compiled: an object handed in as a template is refused', () => {
    const ast = Handlebars.parse('{{x}}');
    expect(() => registry.withTemplate('en', 'outcome-document', ast as unknown as string)).toThrow(
      TypeError,
    );
    expect(() =>
      TemplateRegistry.fromSources({
        sharedPartials: {},
        languages: {
          en: { templates: { 'outcome-document': ast as unknown as string }, partials: {} },
          ru: { templates: {}, partials: {} },
        },
      }),
    ).toThrow(TemplateError);
  });

  it('a missing template file is reported by name', () => {
    const error = templateErrorOf(() =>
      TemplateRegistry.fromSources({
        sharedPartials: {},
        languages: { en: { templates: {}, partials: {} }, ru: { templates: {}, partials: {} } },
      }),
    );
    expect(error.templateName).toBe('provisional-agenda');
    expect(error.reason).toContain('missing');
  });
});

describe('isolation', () => {
  it('registries do not share helpers or partials with each other or with the global Handlebars', () => {
    Handlebars.registerHelper('shout', (text: string) => text.toUpperCase());
    Handlebars.registerPartial('letterhead', '<p>global letterhead</p>');
    try {
      expect(() =>
        registry.withTemplate(
          'en',
          'provisional-agenda',
          '<document language="en"><body><p>{{shout meeting.title}}</p></body></document>',
        ),
      ).toThrow(/unknown helper shout/);
      const changed = registry.withTemplate(
        'en',
        'partials/letterhead',
        '<p>changed letterhead</p>',
      );
      const data = sampleAgenda('en');
      expect(changed.renderMarkup('provisional-agenda', 'en', data)).toContain(
        'changed letterhead',
      );
      expect(registry.renderMarkup('provisional-agenda', 'en', data)).not.toContain(
        'letterhead</p>',
      );
      expect(registry.renderMarkup('provisional-agenda', 'en', data)).toContain('MastheadAcronym');
    } finally {
      Handlebars.unregisterHelper('shout');
      Handlebars.unregisterPartial('letterhead');
    }
  });
});

describe('helpers', () => {
  it('split the opening words of preambular paragraphs, including multi-word openings', () => {
    const markup = (text: string, language: 'en' | 'ru') =>
      registry.renderMarkup('outcome-document', language, {
        ...sampleOutcome(language),
        revision: { ...sampleOutcome(language).revision, preamble: [{ id: 'pp', text }] },
      });
    expect(markup('Recalling also its resolution,', 'en')).toContain(
      '<preamble><i>Recalling also</i> its resolution,</preamble>',
    );
    expect(markup('Deeply concerned by the situation,', 'en')).toContain(
      '<preamble><i>Deeply concerned</i> by the situation,</preamble>',
    );
    expect(markup('[Noting] the report,', 'en')).toContain(
      '<preamble><i></i><bracket>[Noting]</bracket> the report,</preamble>',
    );
    expect(markup('Принимая во внимание доклад,', 'ru')).toContain(
      '<preamble><i>Принимая во внимание</i> доклад,</preamble>',
    );
  });
});
