import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { followStoredList } from '@/components/popup/stored-list';
import { setPageWords } from '@/components/shared/page-words';
import { t } from '@/lib/i18n';
import '@/components/theme.css';

// Storage is read while React renders its first frame: the cached rows follow as soon as both are done.
const stored = followStoredList();
setPageWords(t('popup.title'));
const root = document.getElementById('root');
if (root) createRoot(root).render(<PopupApp stored={stored} />);
