// The browser tests' tooling in one place.
export { expect, waitUntil } from '@open-wc/testing';
export { executeServerCommand } from '@web/test-runner-commands';
