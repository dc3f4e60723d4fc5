z = -0.0
print(z, z == 0.0, 0.0 * -1, -0.0 + 0.0)
print(abs(z))
print(round(-0.4))
print(-0.0 * 5)
print(str(-0.0))
