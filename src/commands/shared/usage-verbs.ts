// `carbon` and `credits` verbs, declared the same way on tasks and pools.
import { defineVerb, type Verb } from '../define.js';

export function usageVerbs(kind: 'task' | 'pool'): Verb[] {
  const id = kind === 'task' ? 'my-task' : 'my-pool';
  const carbon = defineVerb({
    name: 'carbon <id>',
    aliases: ['carbon-facts'],
    summary: `Show the carbon footprint of a ${kind}: energy, emissions, savings vs a datacenter, PUE/ERE/ERF/WUE`,
    description: `Show the carbon facts of a ${kind} (uuid or shortname), computed by Qarnot from the
energy its instances used: total and IT energy, heat reused, emissions (gCO2eq),
what the same work would have emitted in a comparison datacenter and what was
saved, and the site's PUE, ERE, ERF and WUE. --json prints every figure.`,
    examples: [`qarnot ${kind} carbon ${id}`, `qarnot ${kind} carbon ${id} --datacenter french_dc --json`],
    options: (cmd) => cmd.option('--datacenter <name>', 'datacenter to compare with, e.g. european_dc, french_dc, american_dc (default european_dc)'),
    load: kind === 'task' ? () => import('../task/carbon.js') : () => import('../pool/carbon.js'),
  });
  const credits = defineVerb({
    name: 'credits <id>',
    summary: `Show the credits (euros) a ${kind} has used`,
    examples: [`qarnot ${kind} credits ${id}`, `qarnot ${kind} credits ${id} --json`],
    load: kind === 'task' ? () => import('../task/credits.js') : () => import('../pool/credits.js'),
  });
  return [carbon, credits];
}
