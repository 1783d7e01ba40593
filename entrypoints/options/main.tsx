import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { setPageWords } from '@/components/shared/page-words';
import { t } from '@/lib/i18n';
import '@/components/theme.css';

setPageWords(t('options.documentTitle'));
const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsApp />);
