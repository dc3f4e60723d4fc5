parts = []
for i in range(1_000_000):
    parts.append(str(i))
s = ",".join(parts)
t = ""
for i in range(200_000):
    t += "x"
print(len(s), len(t))
