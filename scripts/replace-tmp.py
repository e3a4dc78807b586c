"""Replace the key-point list of explain questions: python3 replace-tmp.py rubrics.txt
rubrics.txt: blocks '@@ question-id' followed by the new list (markdown)."""
import re,glob,sys
blocks={}
cur=None
for line in open(sys.argv[1]):
    if line.startswith('@@ '):
        cur=line[3:].strip(); blocks[cur]=[]
    elif cur: blocks[cur].append(line)
files={f:open(f).read() for f in glob.glob('quizzes/*.md')}
for qid,lines in blocks.items():
    new=''.join(lines).strip('\n')+'\n'
    done=False
    for f,s in files.items():
        m=re.search(r'^### '+re.escape(qid)+r' \(explain\)\n', s, re.M)
        if not m: continue
        start=m.end()
        # the key-point list: first line starting with '- ' after the prompt, until the blank line before '> **Explanation'
        lm=re.compile(r'^- ', re.M).search(s, start)
        em=s.index('\n> **Explanation:**', start)
        s=s[:lm.start()]+new+'\n'+s[em+1:]
        files[f]=s; done=True
    if not done: print('not found', qid)
for f,s in files.items():
    open(f,'w').write(s)
