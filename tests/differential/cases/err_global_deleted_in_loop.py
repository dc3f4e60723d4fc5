# A global that disappears between two reads of the same instruction.
zzqx = 3
out = []
for i in range(2):
    out.append(zzqx)
    print(out)
    del zzqx
