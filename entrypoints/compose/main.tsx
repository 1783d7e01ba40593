import { createRoot } from 'react-dom/client';
import { ComposeApp } from '@/components/compose/ComposeApp';
import '@/components/theme.css';

const closeWindow = () => window.close();

const root = document.getElementById('root');
if (root) createRoot(root).render(<ComposeApp search={location.search} onClose={closeWindow} />);
