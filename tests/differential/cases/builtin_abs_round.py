print(abs(-7), abs(7), abs(-2.5), abs(0), abs(-0.0), abs(3 - 4j))
print(round(3.7), round(-3.7), round(3.14159, 2), round(2.5), round(3.5))
print(round(1234.5678, -2), round(0.5), round(1.5))
print(round(-0.5), round(2.675, 2), round(5, 2))
