def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
print(matmul(A, B))
I = [[1, 0], [0, 1]]
print(matmul(A, I) == A)
P = A
for _ in range(10):
    P = matmul(P, A)
print(P)
