import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { followStoredList } from '@/components/popup/stored-list';
import '@/components/theme.css';

// Storage is read while React renders its first frame: the cached rows follow as soon as both are done.
const stored = followStoredList();
const root = document.getElementById('root');
if (root) createRoot(root).render(<PopupApp stored={stored} />);
