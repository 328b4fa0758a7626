import { reportReadyOnMutation } from './harness.ts';

// The floor: the same page with nothing on it; ready as soon as the bundle has run and added a node.
const root = document.body;
reportReadyOnMutation(root, () => root.querySelector('p') !== null);
root.append(document.createElement('p'));
