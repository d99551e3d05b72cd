#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so the package ships without a build step.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/yusuan.ts')
