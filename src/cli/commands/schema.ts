import { Command, Option } from 'commander';
import { examples, type CommandContext } from '../context.js';

export function schemaCommand(context: CommandContext): Command {
  return new Command('schema')
    .description('print the JSON Schema of question frontmatter, for editors')
    .addOption(new Option('--type <type>', 'only this question type').choices(['subjective', 'mcq']))
    .addHelpText('after', examples([
      'qbank schema > qbank-frontmatter.schema.json',
      'qbank schema --type mcq',
    ]) + '\nThe schema is generated from the model qbank validates with, so it never disagrees with qbank lint.\n')
    .action(async (flags: { type?: 'subjective' | 'mcq' }) => {
      const { frontmatterJsonSchema } = await import('../../core/lint/frontmatter-schema.js');
      const { exactStream } = await import('../terminal-safe.js');
      exactStream(context.io.stdout).write(`${JSON.stringify(frontmatterJsonSchema(flags.type), null, 2)}\n`);
    });
}
