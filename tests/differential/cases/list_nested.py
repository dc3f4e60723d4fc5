grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
bad = [[0] * 3] * 3
bad[0][0] = 1
print(bad)
m = [[1, 2, 3], [4, 5, 6]]
print([row[1] for row in m])
print([[row[i] for row in m] for i in range(3)])
print(m[-1][-1], len(m), len(m[0]))
