import re,glob,sys
for f in sorted(glob.glob('quizzes/*.md')):
    if sys.argv[1] not in f: continue
    s=open(f).read()
    for m in re.finditer(r'^### (\S+) \(explain\)\n(.*?)(?=^### |\Z)', s, re.S|re.M):
        body=m.group(2)
        body=re.sub(r'\n> \*\*(Passes|Fails):\*\*.*', '', body)
        print('=====',f,m.group(1)); print(body.strip()[:3000]); print()
