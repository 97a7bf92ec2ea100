// The knowledge feature's public API: suggestions beside the intake form and on the technician's
// phone, and the article a remote resolution used (order detail).
export { KnowledgeSuggestions } from './components/KnowledgeSuggestions.tsx';
export { KnowledgeArticleLink } from './components/ArticleLink.tsx';
export { ArticleAttachments, ArticleView, FaultGuideView } from './components/ArticleView.tsx';
export { usePortalSearch, usePortalArticle, startPortalSession, endPortalSession } from './api.ts';
