z = 3 + 4j
print(z)
print(z.real, z.imag)
print(abs(z))
print(z.conjugate())
print(z * z)
print(z + 1)
print(1j * 1j)
print(type(z))
