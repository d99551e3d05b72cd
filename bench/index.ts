import { benchParse } from './parse.ts'

/**
 * `npm run bench`: speed and memory targets live here, never in timed unit tests.
 * One core (the loop runs on the main thread); peak RSS is the process's high-water mark.
 */
const sections: [string, () => string[] | Promise<string[]>][] = [['parse', () => benchParse()]]

for (const [name, run] of sections) {
  const lines = await run()
  console.log(`# ${name}`)
  for (const l of lines) console.log(l)
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`)
