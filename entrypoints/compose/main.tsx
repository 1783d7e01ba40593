import { createRoot } from 'react-dom/client';
import { ComposeApp } from '@/components/compose/ComposeApp';
import { setPageWords } from '@/components/shared/page-words';
import { t } from '@/lib/i18n';
import '@/components/theme.css';

setPageWords(t('compose.title'));
const closeWindow = () => window.close();

const root = document.getElementById('root');
if (root) createRoot(root).render(<ComposeApp search={location.search} onClose={closeWindow} />);
