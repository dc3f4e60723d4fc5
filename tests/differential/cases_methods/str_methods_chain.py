text = """  The Quick brown FOX
jumps over\tthe lazy dog.  
  Second paragraph, with: punctuation!  """
lines = [l.strip() for l in text.splitlines()]
print(lines)
words = [w.strip('.,:!').lower() for l in lines for w in l.split()]
print(words)
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print(' '.join(w.capitalize() for w in words[:4]).center(30, '~'))
print('{:>12}|{:^12}|{:<12}'.format(*words[:3]))
print('%-8s%8s' % (words[0].upper(), words[-1].title()))
