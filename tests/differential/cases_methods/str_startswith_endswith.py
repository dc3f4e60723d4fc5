s = 'filename.tar.gz'
print(s.startswith('file'), s.startswith('name'), s.startswith('name', 4), s.startswith(('x', 'fil')), s.startswith(()))
print(s.endswith('.gz'), s.endswith(('.zip', '.gz')), s.endswith('tar', 0, 12), s.endswith('', 20), s.startswith('', 15), s.startswith('', 16))
print(s.startswith('f', -15), s.endswith('z', -100, -1), 'é'.startswith('é'), ''.startswith(''))
