matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([x for row in matrix for x in row])
print([[x * 10 for x in row] for row in matrix])
print([x for row in matrix if sum(row) > 6 for x in row if x % 2])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([(a, b) for a in 'xy' for b in (1, 2)])
