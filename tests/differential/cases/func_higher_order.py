def make_multiplier(n):
    def mult(x):
        return x * n
    return mult
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5))
def twice(f):
    return lambda x: f(f(x))
print(twice(double)(3))
print(twice(twice(triple))(1))
