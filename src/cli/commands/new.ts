import { Command, Option } from 'commander';
import { examples, type CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { levelFromFlag } from '../filter-flags.js';

interface NewFlags {
  type: 'subjective' | 'mcq';
  topic?: string;
  level?: string;
  id?: string;
  category?: 'baseline' | 'bar-raiser';
  force?: boolean;
}

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function newCommand(context: CommandContext): Command {
  return new Command('new')
    .description('start a question file from a template that lints clean, with TODO where content goes')
    .argument('[file]', 'file (or folder) to create; without it the template is printed')
    .addOption(new Option('--type <type>', 'question type').choices(['subjective', 'mcq']).default('subjective'))
    .option('--topic <topic>', 'topic (default: the folder the file is in)')
    .option('--level <level>', 'level L1-L8', 'L3')
    .option('--id <id>', 'question id (default: the file name, else <topic>-new-question-<level>-001)')
    .addOption(new Option('--category <category>', 'category').choices(['baseline', 'bar-raiser']))
    .option('--force', 'overwrite the file if it exists')
    .addHelpText('after', examples([
      'qbank new questions/raft/raft-leader-lease-L5-001.md --level L5',
      'qbank new --type mcq --topic raft > draft.md',
    ]) + '\nFill in every TODO, then run "qbank lint <file>": the todo warnings list what is left.\n')
    .action(async (file: string | undefined, flags: NewFlags) => {
      const path = await import('node:path');
      const { io } = context;
      const level = levelFromFlag(flags.level ?? 'L3') ?? 'L3';
      let target = file === undefined ? undefined : path.resolve(io.cwd, file);
      const { stat } = await import('node:fs/promises');
      const isFolder = target !== undefined && (await stat(target).then((s) => s.isDirectory(), () => false));
      const topic = flags.topic ?? (target ? path.basename(isFolder ? target : path.dirname(target)) : 'TODO');
      if (!SLUG.test(topic)) throw new UsageError(`--topic expects letters, digits, ".", "_" and "-", got "${topic}"`);
      const fromName = target && !isFolder ? path.basename(target).replace(/\.md$/i, '') : undefined;
      const id = flags.id ?? (fromName && SLUG.test(fromName) ? fromName : `${topic}-new-question-${level}-001`);
      const { ID_PATTERN } = await import('../../core/model/frontmatter.js');
      if (!ID_PATTERN.test(id)) throw new UsageError(`--id expects letters, digits, ".", "_" and "-", starting with a letter or digit, got "${id}"`);
      const { questionTemplate } = await import('../../core/lint/template.js');
      const text = questionTemplate({ type: flags.type, id, level: level as never, topic, category: flags.category });
      if (!target) {
        io.stdout.write(text);
        return;
      }
      if (isFolder) target = path.join(target, `${id}.md`);
      const { writeFile } = await import('node:fs/promises');
      const { makeFolder } = await import('../../adapters/make-folder.js');
      await makeFolder(path.dirname(target)).catch((error: Error) => {
        throw new UsageError(`Cannot create the folder for ${target}: ${error.message}`);
      });
      try {
        await writeFile(target, text, { flag: flags.force ? 'w' : 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${path.relative(io.cwd, target) || target} already exists; choose another name or add --force`);
        throw new UsageError(`Cannot write ${target}: ${(error as Error).message}`);
      }
      const shown = path.relative(io.cwd, target) || target;
      io.stdout.write(`Created ${shown} (${flags.type}, ${level}, id ${id}); fill in every TODO, then run "qbank lint ${shown}"\n`);
    });
}
