# grade.py REF SPEC CLASS_DIR OUT_DIR — the plain Python grader aics-grade is measured against:
# the same comparison (spec rules, exact ints, float tolerances, words, *.check never graded), one JSON per student.
import fnmatch, json, math, os, re, sys
ref, spec, folder, out = sys.argv[1:5]
def kv(path):
    d = {}
    for line in open(path, encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            k, v = line.split(None, 1); d[k] = v.strip()
    return d
rules = [(l.split()[1], dict(re.findall(r' (kind|abs|rel|weight)=(\S+)', l))) for l in open(spec, encoding='utf-8') if l.startswith('key ')]
exp = kv(ref)
graded = [(k, next((a for p, a in rules if fnmatch.fnmatchcase(k, p)), None)) for k in exp if not k.endswith('.check')]
graded = [(k, a) for k, a in graded if a]
def ok(e, s, a):
    try:
        if s is None: return False
        if a['kind'] == 'int': return int(s) == int(e)
        if a['kind'] == 'float':
            x, y = float(s), float(e)
            return math.isfinite(x) and (abs(x - y) <= float(a.get('abs', 0)) or abs(x - y) <= float(a.get('rel', 0)) * abs(y))
        return s == e
    except ValueError: return False
os.makedirs(out, exist_ok=True)
for name in sorted(os.listdir(folder)):
    sub = kv(os.path.join(folder, name))
    tests = [{'name': k, 'max_score': float(a.get('weight', 1)), 'score': float(a.get('weight', 1)) * ok(exp[k], sub.get(k), a)} for k, a in graded]
    json.dump({'score': sum(t['score'] for t in tests), 'tests': tests}, open(os.path.join(out, name[:-3] + '.json'), 'w'))
