#!/usr/bin/env -S node --import tsx
import { serveFromEnvironment } from './serve.ts';

await serveFromEnvironment();
