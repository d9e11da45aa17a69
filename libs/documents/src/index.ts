export {
  DOCUMENT_KINDS,
  LANGUAGE_FOLDER,
  isDocumentKind,
  isDocumentLanguage,
  type DocumentKind,
  type DocumentLanguage,
  type TemplateName,
} from './document-kind';
export type {
  AdoptionData,
  AgendaDocumentData,
  AgendaItemData,
  AmendmentChangeData,
  AmendmentRoundData,
  CompilationAmendmentData,
  CompilationData,
  ConcordanceData,
  ConcordanceRowData,
  ConsensusDraftData,
  ConsensusReportData,
  DocumentDataByKind,
  DocumentHeaderData,
  DocumentReference,
  ForumData,
  ListOfDocumentsData,
  ListedDocumentData,
  MeetingData,
  MeetingFormat,
  OutcomeDocumentData,
  OutcomeDraftData,
  OutcomeRevisionData,
  ParagraphData,
  PositionData,
  PositionStance,
  RedlineData,
  RevisionSnapshot,
  VersionData,
  VersionStatus,
} from './document-data';
export {
  TemplateError,
  MarkupError,
  RenderPoolError,
  type RenderPoolErrorCode,
  type TemplateErrorDetails,
} from './template-error';
export {
  TemplateRegistry,
  type LanguageTemplateSources,
  type TemplateSources,
} from './template-registry';
export { templateLanguages } from './template-files';
export { defaultTemplatesDir } from './templates-dir';
export { templatesDigest } from './templates-digest';
export { markupToDocx, markupToDocument } from './markup-to-docx';
export { renderCompilation, renderDocument, renderRedline } from './render-document';
export {
  compileAmendments,
  type AmendedCopy,
  type AmendmentListing,
  type CompilationView,
  type CompiledParagraph,
  type ParagraphProposal,
} from './compilation-view';
export {
  compareRevisions,
  type RedlineParagraph,
  type RedlineSegment,
  type RedlineView,
} from './redline-view';
export {
  DocumentRenderPool,
  type DocumentRenderPoolOptions,
  type RenderOptions,
  type RenderSlot,
} from './render-pool';
export {
  WORD_IMPORT_REFUSALS,
  WordImportError,
  isWordImportRefusal,
  type WordImportRefusal,
} from './word-import/word-import-error';
export { DEFAULT_DOCX_LIMITS, type DocxLimits } from './word-import/docx-archive';
export type { TrackedChange } from './word-import/word-document-reader';
export {
  readWordFile,
  type ImportWarning,
  type ReadParagraph,
  type WordReading,
} from './word-import/word-reading';
export { WordImportPool, type WordImportPoolOptions } from './word-import/word-import-pool';
export {
  MailTemplateRegistry,
  type MailTemplateSources,
  type RenderedMail,
} from './mail-template-registry';
